package pythreading.internal.trace;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pythreading.internal.trace.TraceEvent.Signal;
import pythreading.internal.trace.TraceEvent.Span;
import pythreading.internal.trace.TraceEvent.ThreadLife;

/**
 * Writes a {@link Recording} as one self-contained HTML page: an inline SVG timeline,
 * inline CSS and a few lines of inline script for hovering; nothing is fetched (no
 * network, no fonts, no CDN), so the page opens from a file anywhere.
 *
 * <p>The timeline has one lane per thread ({@code <g class="lane" data-thread="NAME">}),
 * in order of first appearance, its name at the left, under a time axis in milliseconds
 * (seconds for recordings of two seconds or more). In a lane:
 * <ul>
 * <li>a hold ({@code <rect class="hold" data-thread="NAME">}) is a solid bar in its
 *     primitive's colour, a wait ({@code class="wait"}) a hatched one;
 * <li>an executor's task queued or running is a neutral grey bar;
 * <li>a signal (a release, a set, a put) is a thin tick in its primitive's colour;
 * <li>the thread's life is a thin grey bar under the lane.
 * </ul>
 * Bars that overlap in one lane (a wait while holding a lock) are drawn inset, the later
 * on top. Every bar is at least one pixel wide, and carries an SVG {@code <title>} with
 * its exact times ({@code Thread-3 waited 12.345 ms for Semaphore-1 (acquired),
 * 1.200–13.545 ms}), which the browser shows on hover and the script also writes under
 * the timeline while it dims the other primitives' bars. A thin arrow goes from each
 * signal to the end of the wait it ended. The legend maps each primitive to its colour
 * (a fixed palette of ten, assigned in order of first appearance, repeating after ten).
 *
 * <p>The page is well-formed XML as well as HTML (no namespace declarations: an HTML
 * parser puts {@code <svg>} in the SVG namespace itself), and ASCII: every other
 * character is written as a character reference. The script marks
 * {@code <body data-ready="1">} once it has run.
 *
 * <p>References: SVG 1.1 (patterns, markers, the {@code title} element), and the HTML
 * Living Standard on foreign (SVG) content in HTML documents.
 */
public final class HtmlTimeline {

    private static final int WIDTH = 1200;
    private static final int LABEL_RIGHT = 172;
    private static final int PLOT_LEFT = 180;
    private static final int PLOT_RIGHT = 1180;
    private static final int LANE = 24;
    private static final int LEGEND_ITEM = 196;
    private static final int LEGEND_ROW = 18;
    /** Tableau 10: distinct, readable on white, and kind to the colour-blind. */
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    private static final String KEY = "#6f6f6f";

    private final Recording recording;
    private final StringBuilder out = new StringBuilder();
    private final List<Tracks.Track> tracks;
    private final Map<Long, Integer> laneOf = new HashMap<>();
    /** Each thread's events, in recording order. */
    private final Map<Long, List<TraceEvent>> eventsOf = new HashMap<>();
    /** Primitive name to its index in order of first appearance. */
    private final Map<String, Integer> primitives = new LinkedHashMap<>();
    private final long from;
    private final long to;

    private HtmlTimeline(Recording recording) {
        this.recording = recording;
        this.tracks = Tracks.of(recording);
        for (int i = 0; i < tracks.size(); i++) {
            laneOf.put(tracks.get(i).tid(), i);
        }
        long first = recording.startNanos();
        long last = recording.endNanos();
        List<TraceEvent> byStart = new ArrayList<>(recording.events());
        byStart.sort(Comparator.comparingLong(Tracks::startOf));
        for (TraceEvent event : recording.events()) {
            eventsOf.computeIfAbsent(event.tid(), tid -> new ArrayList<>()).add(event);
        }
        for (TraceEvent event : byStart) {
            first = Math.min(first, Tracks.startOf(event));
            last = Math.max(last, Tracks.endOf(event, recording));
            String primitive = primitiveOf(event);
            if (primitive != null) {
                primitives.putIfAbsent(primitive, primitives.size());
            }
        }
        this.from = first;
        this.to = Math.max(last, first + 1);
    }

    /**
     * Writes {@code recording} to {@code out} as an HTML page.
     *
     * @param recording what was recorded
     * @param out where to write; not closed
     * @param title the page's title
     * @throws IOException if {@code out} fails
     */
    public static void write(Recording recording, Writer out, String title) throws IOException {
        HtmlTimeline page = new HtmlTimeline(recording);
        page.page(title == null ? "pythreading trace" : title);
        out.write(page.out.toString());
        out.flush();
    }

    // ------------------------------------------------------------------ the page

    private void page(String title) {
        int legendHeight = legendRows() * LEGEND_ROW + 8;
        int axisY = legendHeight + 16;
        int lanesTop = axisY + 6;
        int height = lanesTop + tracks.size() * LANE + 10;
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body data-ready=\"0\">\n<h1>").append(escape(title)).append("</h1>\n<p class=\"sub\">")
                .append(escape(subtitle())).append("</p>\n")
                .append("<svg class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">\n");
        defs();
        legend();
        axis(axisY, lanesTop, height - 10);
        for (int i = 0; i < tracks.size(); i++) {
            lane(i, lanesTop + i * LANE);
        }
        flows(lanesTop);
        out.append("</svg>\n<p id=\"status\">Hover over a bar for its exact times.</p>\n<script>\n").append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
    }

    private String subtitle() {
        return tracks.size() + (tracks.size() == 1 ? " thread, " : " threads, ")
                + duration(recording.endNanos() - recording.startNanos()) + " recorded from "
                + Instant.ofEpochMilli(recording.startEpochMillis());
    }

    private void defs() {
        out.append("<defs>\n");
        for (int i = 0; i < Math.min(primitives.size(), PALETTE.length); i++) {
            hatch("hatch-" + i, PALETTE[i]);
        }
        hatch("hatch-key", KEY);
        out.append("<marker id=\"arrow\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" markerWidth=\"6\""
                + " markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L6,3 L0,6 z\" fill=\"#444\"/></marker>\n");
        out.append("</defs>\n");
    }

    private void hatch(String id, String colour) {
        out.append("<pattern id=\"").append(id).append("\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"").append(colour)
                .append("\" fill-opacity=\"0.18\"/><rect width=\"2\" height=\"5\" fill=\"").append(colour)
                .append("\"/></pattern>\n");
    }

    // ------------------------------------------------------------------ legend and axis

    private int legendRows() {
        int items = primitives.size() + 6;
        int perRow = (WIDTH - 20) / LEGEND_ITEM;
        return (items + perRow - 1) / perRow;
    }

    private void legend() {
        out.append("<g class=\"legend\">\n");
        int item = 0;
        for (Map.Entry<String, Integer> primitive : primitives.entrySet()) {
            int p = primitive.getValue();
            double x = legendX(item);
            double y = legendY(item++);
            out.append("<g data-p=\"").append(p).append("\">");
            rect("key", x, y, 12, 10, "fill=\"" + colour(p) + "\"", null);
            rect("key", x + 14, y, 12, 10, "fill=\"url(#" + hatch(p) + ")\" stroke=\"" + colour(p) + "\"", null);
            text(x + 31, y + 9, primitive.getKey(), 22);
            out.append("</g>\n");
        }
        String[][] keys = {{"fill=\"url(#hatch-key)\" stroke=\"" + KEY + "\"", "waiting (hatched)"},
            {"fill=\"" + KEY + "\"", "holding (solid)"}, {"class=\"queued\"", "task queued"},
            {"class=\"run\"", "task running"}};
        for (String[] key : keys) {
            double x = legendX(item);
            double y = legendY(item++);
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"26\"")
                    .append(" height=\"10\" ").append(key[0]).append("/>");
            text(x + 31, y + 9, key[1], 30);
            out.append('\n');
        }
        double x = legendX(item);
        double y = legendY(item++);
        out.append("<rect class=\"life\" x=\"").append(num(x)).append("\" y=\"").append(num(y + 4))
                .append("\" width=\"26\" height=\"2\"/>");
        text(x + 31, y + 9, "thread alive", 30);
        x = legendX(item);
        y = legendY(item);
        out.append("\n<line class=\"wake\" x1=\"").append(num(x)).append("\" y1=\"").append(num(y + 5))
                .append("\" x2=\"").append(num(x + 26)).append("\" y2=\"").append(num(y + 5))
                .append("\" marker-end=\"url(#arrow)\"/>");
        text(x + 31, y + 9, "wake-up (signal to waiter)", 30);
        out.append("\n</g>\n");
    }

    private static double legendX(int item) {
        return 10 + (item % ((WIDTH - 20) / LEGEND_ITEM)) * LEGEND_ITEM;
    }

    private static double legendY(int item) {
        return 6 + (item / ((WIDTH - 20) / LEGEND_ITEM)) * LEGEND_ROW;
    }

    /** Ticks at a round step (1, 2 or 5 times a power of ten), about ten of them. */
    private void axis(int y, int top, int bottom) {
        long length = to - from;
        boolean seconds = recording.endNanos() - recording.startNanos() >= 2_000_000_000L;
        double unit = seconds ? 1e9 : 1e6;
        double raw = length / 10.0;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * (raw / power <= 1 ? 1 : raw / power <= 2 ? 2 : raw / power <= 5 ? 5 : 10);
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step / unit) + 1e-9));
        out.append("<g class=\"axis\">\n");
        long origin = recording.startNanos();
        for (long k = (long) Math.ceil((from - origin) / step); origin + k * step <= to; k++) {
            double t = k * step;
            double x = x(origin + Math.round(t));
            out.append("<line class=\"grid\" x1=\"").append(num(x)).append("\" y1=\"").append(y)
                    .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(bottom).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(y - 4)
                    .append("\" text-anchor=\"middle\">")
                    .append(String.format(Locale.ROOT, "%." + decimals + "f", t / unit)).append(seconds ? " s" : " ms")
                    .append("</text>\n");
        }
        out.append("<line class=\"baseline\" x1=\"").append(PLOT_LEFT).append("\" y1=\"").append(top - 2)
                .append("\" x2=\"").append(PLOT_RIGHT).append("\" y2=\"").append(top - 2).append("\"/>\n</g>\n");
    }

    // ------------------------------------------------------------------ lanes

    private void lane(int index, int top) {
        Tracks.Track track = tracks.get(index);
        String name = escape(track.name());
        out.append("<g class=\"lane\" data-thread=\"").append(name).append("\" transform=\"translate(0,")
                .append(top).append(")\">\n");
        out.append("<rect class=\"band\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(LANE)
                .append("\" fill=\"").append(index % 2 == 0 ? "#f6f7f9" : "#ffffff").append("\"/>");
        out.append("<text class=\"label\" x=\"").append(LABEL_RIGHT).append("\" y=\"15\" text-anchor=\"end\">");
        shortened(track.name(), 26);
        out.append("</text>\n");
        List<Span> spans = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (TraceEvent event : eventsOf.get(track.tid())) {
            if (event instanceof ThreadLife) {
                ThreadLife life = (ThreadLife) event;
                long end = Tracks.endOf(life, recording);
                rect("life", x(life.startNanos()), 20, width(life.startNanos(), end), 2, "", track.name() + " alive "
                        + interval(life.startNanos(), end) + (life.daemon() ? ", daemon" : "")
                        + (life.virtual() ? ", virtual" : "") + (life.ended() ? "" : ", still running at the end"));
            } else if (event instanceof Span) {
                spans.add((Span) event);
            } else {
                signals.add((Signal) event);
            }
        }
        // Lower levels first, so that a bar drawn inset lies on the one it overlaps.
        int[] levels = levels(spans);
        Integer[] order = new Integer[spans.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> levels[i]));
        for (int i : order) {
            span(track, spans.get(i), levels[i]);
        }
        for (Signal signal : signals) {
            int p = primitives.get(signal.primitive());
            rect("signal", x(signal.nanos()) - 0.75, 1, 1.5, 19, "data-p=\"" + p + "\" fill=\"" + colour(p) + "\"",
                    track.name() + " " + signal.what() + " " + signal.primitive() + " at " + ms(signal.nanos()) + " ms");
        }
        out.append("</g>\n");
    }

    private void span(Tracks.Track track, Span span, int level) {
        double y = 2 + 3 * Math.min(level, 4);
        double height = 17 - 3 * Math.min(level, 4);
        double x = x(span.startNanos());
        double width = width(span.startNanos(), span.endNanos());
        String thread = track.name();
        String times = interval(span.startNanos(), span.endNanos());
        String took = duration(span.endNanos() - span.startNanos());
        String common = "data-thread=\"" + escape(thread) + "\" ";
        Integer p = primitives.get(span.primitive());
        switch (span.kind()) {
            case WAIT:
                rect("wait", x, y, width, height, common + "data-p=\"" + p + "\" fill=\"url(#" + hatch(p)
                        + ")\" stroke=\"" + colour(p) + "\"", thread + " waited " + took + " for " + span.primitive()
                        + " (" + span.outcome() + "), " + times);
                break;
            case HOLD:
                rect("hold", x, y, width, height, common + "data-p=\"" + p + "\" fill=\"" + colour(p) + "\"",
                        thread + " held " + span.primitive() + " for " + took + " (" + span.outcome() + "), " + times);
                break;
            case TASK_QUEUED:
                rect("queued", x, y, width, height, common, "a task " + thread + " submitted to " + span.primitive()
                        + " waited " + took + " in its queue (" + span.outcome() + "), " + times);
                break;
            default:
                rect("run", x, y, width, height, common, thread + " ran a task of " + span.primitive() + " for "
                        + took + " (" + span.outcome() + "), " + times);
        }
    }

    /**
     * Levels for the spans of one lane: in order of start, each takes the lowest level
     * free at its start, so overlapping spans are drawn inset, one on the other.
     */
    private static int[] levels(List<Span> spans) {
        Integer[] order = new Integer[spans.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> spans.get(i).startNanos())
                .thenComparingLong(i -> -spans.get(i).endNanos()));
        List<Long> levelEnds = new ArrayList<>();
        int[] levels = new int[spans.size()];
        for (int i : order) {
            Span span = spans.get(i);
            int level = 0;
            while (level < levelEnds.size() && levelEnds.get(level) > span.startNanos()) {
                level++;
            }
            if (level == levelEnds.size()) {
                levelEnds.add(span.endNanos());
            } else {
                levelEnds.set(level, span.endNanos());
            }
            levels[i] = level;
        }
        return levels;
    }

    /** An arrow from each signal to the end of each wait it ended. */
    private void flows(int lanesTop) {
        Map<Long, Signal> signals = new HashMap<>();
        for (TraceEvent event : recording.events()) {
            if (event instanceof Signal) {
                signals.put(((Signal) event).flowId(), (Signal) event);
            }
        }
        out.append("<g class=\"flows\">\n");
        for (TraceEvent event : recording.events()) {
            if (!(event instanceof Span) || ((Span) event).kind() != Span.Kind.WAIT) {
                continue;
            }
            Span wait = (Span) event;
            Signal signal = wait.flowId() == 0 ? null : signals.get(wait.flowId());
            if (signal == null) {
                continue;
            }
            double y1 = lanesTop + laneOf.get(signal.tid()) * LANE + 10;
            double y2 = lanesTop + laneOf.get(wait.tid()) * LANE + 10;
            out.append("<line class=\"wake\" x1=\"").append(num(x(signal.nanos()))).append("\" y1=\"").append(num(y1))
                    .append("\" x2=\"").append(num(x(wait.endNanos()))).append("\" y2=\"").append(num(y2))
                    .append("\" marker-end=\"url(#arrow)\"><title>")
                    .append(escape(nameOf(signal.tid()) + " " + signal.what() + " " + signal.primitive() + " at "
                            + ms(signal.nanos()) + " ms woke " + nameOf(wait.tid())))
                    .append("</title></line>\n");
        }
        out.append("</g>\n");
    }

    // ------------------------------------------------------------------ drawing

    private void rect(String cls, double x, double y, double width, double height, String attributes, String title) {
        out.append("<rect class=\"").append(cls).append("\" ").append(attributes).append(attributes.isEmpty() ? "" : " ")
                .append("x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append('"');
        if (title == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(escape(title)).append("</title></rect>\n");
        }
    }

    private void text(double x, double y, String text, int max) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">");
        shortened(text, max);
        out.append("</text>");
    }

    /** {@code text}, cut to {@code max} characters with an ellipsis and then whole in a title. */
    private void shortened(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            out.append(escape(text));
        } else {
            out.append(escape(text.substring(0, text.offsetByCodePoints(0, max - 1)))).append("&#x2026;<title>")
                    .append(escape(text)).append("</title>");
        }
    }

    private double x(long nanos) {
        return PLOT_LEFT + (double) (nanos - from) * (PLOT_RIGHT - PLOT_LEFT) / (to - from);
    }

    /** At least a pixel: the shortest wait must still be seen. */
    private double width(long start, long end) {
        return Math.max(1.0, x(end) - x(start));
    }

    private String nameOf(long tid) {
        return tracks.get(laneOf.get(tid)).name();
    }

    private static String primitiveOf(TraceEvent event) {
        if (event instanceof Signal) {
            return ((Signal) event).primitive();
        }
        if (event instanceof Span) {
            Span span = (Span) event;
            return span.kind() == Span.Kind.WAIT || span.kind() == Span.Kind.HOLD ? span.primitive() : null;
        }
        return null;
    }

    private static String colour(int primitive) {
        return PALETTE[primitive % PALETTE.length];
    }

    private static String hatch(int primitive) {
        return "hatch-" + primitive % PALETTE.length;
    }

    // ------------------------------------------------------------------ text

    private String interval(long start, long end) {
        return ms(start) + "\u2013" + ms(end) + " ms";
    }

    private static String duration(long nanos) {
        return msOf(nanos) + " ms";
    }

    /** Nanoseconds since the recording's start as milliseconds, to the microsecond. */
    private String ms(long nanos) {
        return msOf(nanos - recording.startNanos());
    }

    private static String msOf(long nanos) {
        long micros = (Math.abs(nanos) + 500) / 1000;
        return (nanos < 0 && micros > 0 ? "-" : "") + micros / 1000 + "." + String.format(Locale.ROOT, "%03d",
                micros % 1000);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * {@code text} for XML and HTML text or attributes: markup characters as entities,
     * everything outside printable ASCII as a character reference, and what XML cannot
     * carry (control characters, lone surrogates) as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&':
                    escaped.append("&amp;");
                    break;
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '"':
                    escaped.append("&quot;");
                    break;
                case '\'':
                    escaped.append("&#39;");
                    break;
                default:
                    if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\t') {
                        escaped.append((char) c);
                    } else if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c) && c <= 0xffff
                            || c == 0xfffe || c == 0xffff) {
                        escaped.append("&#xfffd;");
                    } else {
                        escaped.append("&#x").append(Integer.toHexString(c)).append(';');
                    }
            }
        }
        return escaped.toString();
    }

    private static final String CSS = String.join("\n",
            "body { font: 13px sans-serif; margin: 16px; color: #222; background: #fff; }",
            "h1 { font-size: 18px; margin: 0 0 4px; }",
            ".sub { color: #666; margin: 0 0 8px; }",
            "svg text { font: 11px sans-serif; fill: #333; }",
            "svg .label { font-weight: bold; }",
            "svg .tick { fill: #777; }",
            ".grid { stroke: #e2e4e8; stroke-width: 1; }",
            ".baseline { stroke: #aaa; stroke-width: 1; }",
            ".life { fill: #a9a9a9; }",
            ".hold { stroke: rgba(0,0,0,0.35); stroke-width: 0.5; }",
            ".wait { stroke-width: 0.8; }",
            ".queued { fill: #f1f1f1; stroke: #9a9a9a; stroke-dasharray: 2 2; stroke-width: 0.8; }",
            ".run { fill: #d4d4d4; stroke: #8a8a8a; stroke-width: 0.8; }",
            ".wake { stroke: #444; stroke-width: 0.8; fill: none; opacity: 0.7; }",
            ".dim { opacity: 0.2; }",
            "#status { font-family: monospace; min-height: 1.4em; color: #333; }",
            "");

    /** Hover: the hovered bar's title under the timeline, the other primitives dimmed. */
    private static final String SCRIPT = String.join("\n",
            "//<![CDATA[",
            "(function () {",
            "  var svg = document.querySelector('svg.timeline');",
            "  var status = document.getElementById('status');",
            "  var marked = svg.querySelectorAll('[data-p]');",
            "  function dim(p) {",
            "    marked.forEach(function (el) {",
            "      el.classList.toggle('dim', p !== null && el.getAttribute('data-p') !== p);",
            "    });",
            "  }",
            "  svg.addEventListener('mouseover', function (e) {",
            "    var el = e.target.closest('[data-p], rect, line');",
            "    if (!el) { return; }",
            "    var title = el.querySelector('title');",
            "    if (title) { status.textContent = title.textContent; }",
            "    dim(el.getAttribute('data-p'));",
            "  });",
            "  svg.addEventListener('mouseleave', function () { dim(null); });",
            "  document.body.setAttribute('data-ready', '1');",
            "})();",
            "//]]>",
            "");
}
