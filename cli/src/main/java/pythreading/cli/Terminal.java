package pythreading.cli;

/** Whether progress lines can be rewritten in place. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Whether the console is a terminal: Java cannot ask about standard error alone, so
     * this asks about the console (JDK 22+: {@code Console.isTerminal()}).
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22, a console exists only on a terminal
        }
    }
}
