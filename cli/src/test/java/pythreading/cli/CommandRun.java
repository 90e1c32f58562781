package pythreading.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The {@code pythreading} command run in this JVM, for tests: its exit code and what it
 * wrote to standard output and standard error.
 *
 * @param exitCode the exit code picocli returns (2 for a usage error)
 * @param out standard output
 * @param err standard error
 */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code pythreading ARGS...}. */
    public static CommandRun execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
