package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's test_threading.ExceptHookTests and the printing checks of
 * ThreadingExceptionTests: what happens to an exception that escapes run().
 */
@Timeout(20)
class ExceptHookTests {

    private static final String NL = System.lineSeparator();

    private Consumer<ExceptHookArgs> savedHook;
    private PrintStream savedErr;

    /** CPython's ThreadRunFail. */
    static final class ThreadRunFail extends Thread {
        ThreadRunFail(String name) {
            super(null, name);
        }

        @Override
        public void run() {
            throw new IllegalArgumentException("run failed");
        }
    }

    @BeforeEach
    void setUp() {
        savedHook = Threading.excepthook();
        savedErr = System.err;
        Threading.setExcepthook(null);
    }

    @AfterEach
    void tearDown() {
        System.setErr(savedErr);
        Threading.setExcepthook(savedHook);
    }

    /** Runs {@code action} with System.err captured; returns what was printed. */
    private String capturingStderr(Runnable action) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        try {
            action.run();
        } finally {
            System.setErr(savedErr);
        }
        capture.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Thread runFailing(String name) {
        Thread t = new ThreadRunFail(name);
        t.start();
        t.join();
        return t;
    }

    @Test
    void testExcepthook() {
        // test_threading.ExceptHookTests.test_excepthook
        AtomicReference<Thread> thread = new AtomicReference<>();
        String err = capturingStderr(() -> thread.set(runFailing("excepthook thread")));
        assertThat(err).contains("Exception in thread excepthook thread:" + NL);
        assertThat(err).contains("java.lang.IllegalArgumentException: run failed");
        assertThat(err).contains("at pythreading.threading.ExceptHookTests$ThreadRunFail.run(");
        assertThat(err.indexOf("Exception in thread")).isLessThan(err.indexOf("IllegalArgumentException"));
        assertThat(thread.get().isAlive()).isFalse();
    }

    @Test
    void testPrintException() {
        // test_threading.ThreadingExceptionTests.test_print_exception
        String err = capturingStderr(() -> {
            Thread t = new Thread(() -> {
                throw new ArithmeticException("/ by zero");
            }, "divider");
            t.start();
            t.join();
        });
        assertThat(err).startsWith("Exception in thread divider:" + NL + "java.lang.ArithmeticException: / by zero");
        assertThat(err).doesNotContain("Exception in thread \"divider\""); // not the JVM's own handler
    }

    @Test
    void testErrorsGoToTheHookToo() {
        // pythreading: any Throwable escaping run() (an Error too) reaches the excepthook
        AtomicReference<ExceptHookArgs> seen = new AtomicReference<>();
        Threading.setExcepthook(seen::set);
        Thread t = new Thread(() -> {
            throw new AssertionError("an error");
        });
        t.start();
        t.join();
        assertThat(seen.get().excType()).isEqualTo(AssertionError.class);
        assertThat(seen.get().thread()).isSameAs(t);
    }

    @Test
    void testExcepthookThreadNull() {
        // test_threading.ExceptHookTests.test_excepthook_thread_None
        String err = capturingStderr(() -> {
            IllegalArgumentException bug = new IllegalArgumentException("bug");
            Threading.excepthook().accept(new ExceptHookArgs(bug.getClass(), bug, null));
        });
        assertThat(err).contains("Exception in thread " + Threading.getIdent() + ":" + NL);
        assertThat(err).contains("java.lang.IllegalArgumentException: bug");
        assertThat(err).contains("at pythreading.threading.ExceptHookTests");
    }

    @Test
    void testPrintExceptionStderrIsNull() {
        // test_threading.ThreadingExceptionTests.test_print_exception_stderr_is_none_2
        System.setErr(null);
        Thread t;
        try {
            t = new ThreadRunFail("no stderr");
            t.start();
            t.join();
        } finally {
            System.setErr(savedErr);
        }
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void testCustomExcepthook() {
        // test_threading.ExceptHookTests.test_custom_excepthook
        AtomicReference<ExceptHookArgs> args = new AtomicReference<>();
        AtomicReference<Thread> hookRanIn = new AtomicReference<>();
        Consumer<ExceptHookArgs> hook = a -> {
            args.set(a);
            hookRanIn.set(Threading.currentThread());
        };
        Threading.setExcepthook(hook);
        assertThat(Threading.excepthook()).isSameAs(hook);
        String err = capturingStderr(() -> runFailing("custom"));
        ExceptHookArgs a = args.get();
        assertThat(a).isNotNull();
        assertThat(a.excType()).isEqualTo(IllegalArgumentException.class);
        assertThat(a.excValue()).isInstanceOf(IllegalArgumentException.class).hasMessage("run failed");
        assertThat(a.thread()).isInstanceOf(ThreadRunFail.class).isSameAs(hookRanIn.get());
        assertThat(a.thread().getName()).isEqualTo("custom");
        assertThat(err).isEmpty();
    }

    @Test
    void testCustomExcepthookFail() {
        // test_threading.ExceptHookTests.test_custom_excepthook_fail
        Threading.setExcepthook(a -> {
            throw new IllegalArgumentException("threading_hook failed");
        });
        AtomicReference<Thread> thread = new AtomicReference<>();
        String err = capturingStderr(() -> thread.set(runFailing("hook fails")));
        assertThat(err).startsWith("Exception in threading.excepthook:" + NL);
        assertThat(err).contains("java.lang.IllegalArgumentException: threading_hook failed");
        assertThat(err).doesNotContain("run failed");
        assertThat(thread.get().isAlive()).isFalse();
    }

    @Test
    void testOriginalExcepthook() {
        // test_threading.ExceptHookTests.test_original_excepthook
        Consumer<ExceptHookArgs> original = Threading.excepthook();
        String defaultOutput = capturingStderr(() -> runFailing("excepthook thread"));
        Threading.setExcepthook(a -> System.err.println("Running a thread failed"));
        String customOutput = capturingStderr(() -> runFailing("excepthook thread"));
        Threading.setExcepthook(null);
        assertThat(Threading.excepthook()).isSameAs(original);
        String recoveredOutput = capturingStderr(() -> runFailing("excepthook thread"));
        assertThat(recoveredOutput).isEqualTo(defaultOutput);
        assertThat(customOutput).isNotEqualTo(defaultOutput).isEqualTo("Running a thread failed" + NL);
    }

    @Test
    void testThreadEndsNormallyAfterException() {
        // test_threading.ThreadingExceptionTests.test_print_exception (join returns, thread gone)
        Threading.setExcepthook(a -> { });
        Thread t = runFailing("ends");
        assertThat(t.isAlive()).isFalse();
        assertThat(t.toString()).contains("stopped");
        assertThat(Threading.enumerate()).doesNotContain(t);
    }
}
