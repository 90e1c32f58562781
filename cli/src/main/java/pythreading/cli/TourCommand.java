package pythreading.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pythreading.threading.Trace;
import pythreading.tour.Chapter;
import pythreading.tour.Chapters;
import pythreading.tour.Example;

/** {@code pythreading tour}: the threading tutorial, chapter by chapter, each program in its own JVM. */
@Command(name = "tour", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the threading tutorial as Java programs on pythreading, chapter by chapter.",
            "Each example runs in a JVM of its own, as each Python original ran in its own",
            "interpreter; its output follows a header naming the chapter and the example.",
            "",
            "With no CHAPTER, runs them all, in order (about as long as the originals' sleeps)."},
        footer = {"", "Examples:", "  pythreading tour --list", "  pythreading tour daemon", "  pythreading tour lock rlock",
            "  pythreading tour semaphore --timeline    also writes semaphore.html and semaphore.json"})
public final class TourCommand implements Callable<Integer> {

    /** How long one example may run before it is stopped: none should come near it. */
    private static final long EXAMPLE_TIMEOUT_SECONDS = 120;

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--list"}, description = "List the chapters with a one-line summary each, and exit.")
    boolean list;

    @Option(names = "--timeline",
            description = "Record each example's threads, waits and holds, and write them as a self-contained "
                    + "page (CHAPTER.html, or CHAPTER-EXAMPLE.html when the chapter has several examples) and "
                    + "as Chrome trace JSON for Perfetto (.json beside it).")
    boolean timeline;

    @Option(names = "--timeline-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where --timeline writes its files (default: the current directory).")
    Path timelineDir;

    @Parameters(paramLabel = "CHAPTER", arity = "0..*", description = "Chapters to run (default: all). See --list.")
    List<String> chapterNames = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Chapter chapter : Chapters.all()) {
                out.printf("%-10s %s%n", chapter.name(), chapter.summary());
            }
            out.flush();
            return 0;
        }
        List<Chapter> chapters = selected();
        int failures = 0;
        for (Chapter chapter : chapters) {
            out.printf("%n== %s: %s ==%n", chapter.name(), chapter.summary());
            for (Example example : chapter.examples()) {
                out.printf("%n-- %s: %s (%s) --%n", example.id(), example.title(),
                        example.mainClass().getSimpleName());
                out.flush();
                int status = run(example, timeline ? timelineFiles(chapter, example) : List.of());
                if (status != 0) {
                    failures++;
                    out.printf("!! %s exited with status %d%n", example.mainClass().getName(), status);
                }
            }
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private List<Chapter> selected() {
        if (chapterNames.isEmpty()) {
            return Chapters.all();
        }
        List<Chapter> chosen = new ArrayList<>();
        for (String name : chapterNames) {
            chosen.add(Chapters.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Unknown chapter '" + name + "'. The chapters are: "
                            + Chapters.all().stream().map(Chapter::name).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    /** The --timeline files of one example: the page and the JSON beside it. */
    private List<Path> timelineFiles(Chapter chapter, Example example) {
        String base = chapter.examples().size() == 1 ? chapter.name() : chapter.name() + "-" + example.id();
        Path dir = timelineDir.toAbsolutePath().normalize();
        return List.of(dir.resolve(base + ".html"), dir.resolve(base + ".json"));
    }

    /** Runs one example in a new JVM, its output going straight to ours; records its trace into {@code traceFiles}. */
    private static int run(Example example, List<Path> traceFiles) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        if (!traceFiles.isEmpty()) {
            command.add("-D" + Trace.FILES_PROPERTY + "="
                    + traceFiles.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        command.add(example.mainClass().getName());
        Process process = new ProcessBuilder(command)
                .inheritIO()
                .start();
        if (!process.waitFor(EXAMPLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            System.err.println("!! " + example.mainClass().getName() + " did not end within "
                    + EXAMPLE_TIMEOUT_SECONDS + " s and was stopped");
            return -1;
        }
        return process.exitValue();
    }
}
