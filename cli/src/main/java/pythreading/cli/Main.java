package pythreading.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pythreading} command. */
@Command(name = "pythreading", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Python's threading, queue and concurrent.futures for the JVM, with CPython 3.13's",
            "behaviour and messages, no global interpreter lock, and virtual threads on JDK 21+."},
        subcommands = {TourCommand.class, BenchCommand.class, SoakCommand.class, ClusterCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start with: pythreading tour --list"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "pythreading " + (version != null ? version : "(development build)"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
