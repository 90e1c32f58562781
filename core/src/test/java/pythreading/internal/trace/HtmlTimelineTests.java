package pythreading.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static pythreading.internal.trace.SyntheticRecordings.MS;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.internal.trace.SyntheticRecordings.Builder;
import pythreading.internal.trace.TraceEvent.Span;
import pythreading.internal.trace.XmlPage.Element;

/** {@link HtmlTimeline}: the self-contained page, parsed as XML and queried. */
@Timeout(10)
class HtmlTimelineTests {

    @Test
    void thePageIsWellFormedXml() {
        for (Recording recording : List.of(SyntheticRecordings.semaphoreChapter(10, 3),
                SyntheticRecordings.conditionHandOff(), new Builder().build(MS), oddNames())) {
            Element html = XmlPage.parse(html(recording, "a <title> & \"more\""));
            assertThat(html.tag()).isEqualTo("html");
            assertThat(html.child("head").child("title").text()).isEqualTo("a <title> & \"more\"");
            assertThat(html.child("body").child("svg")).isNotNull();
        }
    }

    @Test
    void oneLanePerThreadInOrderOfFirstAppearance() {
        Element page = page(SyntheticRecordings.semaphoreChapter(10, 3));
        assertThat(page.withClass("lane")).extracting(e -> e.attribute("data-thread"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(i -> "Thread-" + i)
                        .collect(Collectors.toList()));
        assertThat(page(SyntheticRecordings.conditionHandOff()).withClass("lane"))
                .extracting(e -> e.attribute("data-thread")).containsExactly("consumer", "producer");
    }

    @Test
    void oneHoldBarPerHoldInItsThreadsLane() {
        Recording recording = SyntheticRecordings.semaphoreChapter(10, 3);
        Element page = page(recording);
        assertThat(page.withClass("hold")).hasSize((int) SyntheticRecordings.holds(recording));
        for (Element lane : page.withClass("lane")) {
            String thread = lane.attribute("data-thread");
            long holds = recording.events().stream().filter(e -> e instanceof Span
                    && ((Span) e).kind() == Span.Kind.HOLD && ((Span) e).threadName().equals(thread)).count();
            assertThat(lane.withClass("hold")).hasSize((int) holds)
                    .allSatisfy(hold -> assertThat(hold.attribute("data-thread")).isEqualTo(thread));
        }
        assertThat(page.withClass("wait")).hasSize(7);
        assertThat(page.withClass("life")).hasSize(10 + 1); // and the legend's key
    }

    @Test
    void titlesCarryTheExactTimes() {
        Builder b = new Builder();
        b.wait(3, "Thread-3", "Semaphore-1", 1_200_000, 13_545_000, 0);
        b.hold(3, "Thread-3", "Semaphore-1", 13_545_000, 17_545_000);
        b.signal(3, "Semaphore-1", "release", 17_545_000);
        Element page = page(b.build(20 * MS));
        assertThat(page.withClass("wait")).singleElement().satisfies(wait -> assertThat(wait.child("title").text())
                .isEqualTo("Thread-3 waited 12.345 ms for Semaphore-1 (acquired), 1.200\u201313.545 ms"));
        assertThat(page.withClass("hold")).singleElement().satisfies(hold -> assertThat(hold.child("title").text())
                .isEqualTo("Thread-3 held Semaphore-1 for 4.000 ms (released), 13.545\u201317.545 ms"));
        assertThat(page.withClass("signal")).singleElement().satisfies(signal -> assertThat(
                signal.child("title").text()).isEqualTo("Thread-3 release Semaphore-1 at 17.545 ms"));
    }

    @Test
    void nothingIsFetched() {
        String html = html(SyntheticRecordings.semaphoreChapter(10, 3), "semaphore");
        assertThat(html).doesNotContain("http://", "https://", "src=", "href=", "<link", "@import", "@font-face")
                .doesNotContainPattern("url\\((?!#)");
    }

    @Test
    void theAxisIsInMillisecondsOrSeconds() {
        Builder shortOne = new Builder();
        shortOne.hold(1, "MainThread", "Lock-1", MS, 40 * MS);
        assertThat(page(shortOne.build(50 * MS)).withClass("tick")).extracting(Element::text)
                .contains("0 ms", "10 ms", "50 ms").allMatch(label -> label.endsWith(" ms"));
        Builder longOne = new Builder();
        longOne.hold(1, "MainThread", "Lock-1", MS, 2_900 * MS);
        assertThat(page(longOne.build(3_000 * MS)).withClass("tick")).extracting(Element::text)
                .contains("0.0 s", "1.5 s", "3.0 s").allMatch(label -> label.endsWith(" s"));
    }

    @Test
    void theShortestBarIsAPixelWide() {
        Builder b = new Builder();
        b.hold(1, "MainThread", "Lock-1", 5 * MS, 5 * MS + 1);
        b.wait(1, "MainThread", "Lock-2", 6 * MS, 6 * MS, 0);
        Element page = page(b.build(10_000 * MS));
        assertThat(page.withClass("hold")).extracting(e -> Double.parseDouble(e.attribute("width")))
                .allMatch(width -> width >= 1.0);
        assertThat(page.withClass("wait")).extracting(e -> Double.parseDouble(e.attribute("width")))
                .allMatch(width -> width >= 1.0);
    }

    @Test
    void waitsAreHatchedAndHoldsSolidInTheirPrimitivesColour() {
        Element page = page(SyntheticRecordings.conditionHandOff());
        Map<String, String> patterns = page.all().stream().filter(e -> e.tag().equals("pattern"))
                .collect(Collectors.toMap(e -> e.attribute("id"), e -> e.children().get(1).attribute("fill")));
        // RLock-1 appears first (a hold at 0.1 ms), Condition-1 second (a wait from 0.2 ms)
        assertThat(page.withClass("legend").get(0).children()).filteredOn(e -> e.attribute("data-p") != null)
                .extracting(e -> e.attribute("data-p"), Element::text)
                .containsExactly(tuple("0", "RLock-1"), tuple("1", "Condition-1"));
        String rlock = "#4e79a7";
        String condition = "#f28e2b";
        assertThat(page.withClass("hold")).allSatisfy(hold -> assertThat(hold.attribute("fill")).isEqualTo(rlock));
        assertThat(page.withClass("wait")).extracting(e -> e.attribute("fill"), e -> e.attribute("stroke"))
                .containsExactlyInAnyOrder(tuple("url(#hatch-1)", condition), tuple("url(#hatch-0)", rlock));
        assertThat(patterns).containsEntry("hatch-0", rlock).containsEntry("hatch-1", condition);
    }

    @Test
    void wakeUpArrowsGoFromTheSignalToTheWaiter() {
        Element page = page(SyntheticRecordings.conditionHandOff());
        List<Element> arrows = page.withClass("flows").get(0).children();
        assertThat(arrows).extracting(e -> e.child("title").text()).containsExactlyInAnyOrder(
                "producer notify Condition-1 at 5.200 ms woke consumer",
                "producer release RLock-1 at 5.250 ms woke consumer");
        // from the producer's lane (the second) to the consumer's (the first)
        assertThat(arrows).allSatisfy(arrow -> assertThat(Double.parseDouble(arrow.attribute("y1")))
                .isGreaterThan(Double.parseDouble(arrow.attribute("y2"))));
    }

    @Test
    void namesAreEscaped() {
        Recording recording = oddNames();
        Element page = page(recording);
        assertThat(page.withClass("lane")).extracting(e -> e.attribute("data-thread"))
                .containsExactly("<b>&\"it's\" \u00e9 \ud83d\ude00 \ufffd");
        assertThat(page.withClass("hold")).singleElement().satisfies(hold -> assertThat(hold.child("title").text())
                .startsWith("<b>&\"it's\" \u00e9 \ud83d\ude00 \ufffd held Lock <&> for"));
        assertThat(html(recording, "t").chars()).allMatch(c -> c < 0x7f);
    }

    @Test
    void theScriptMarksThePageReady() {
        String html = html(SyntheticRecordings.conditionHandOff(), "t");
        assertThat(XmlPage.parse(html).child("body").attribute("data-ready")).isEqualTo("0");
        assertThat(html).contains("document.body.setAttribute('data-ready', '1')");
    }

    // ------------------------------------------------------------------ helpers

    private static Recording oddNames() {
        String thread = "<b>&\"it's\" \u00e9 \ud83d\ude00 \u0001";
        Builder b = new Builder();
        b.life(4, thread, 0, 2 * MS, true);
        b.hold(4, thread, "Lock <&>", MS / 2, MS);
        return b.build(2 * MS);
    }

    static String html(Recording recording, String title) {
        StringWriter out = new StringWriter();
        try {
            HtmlTimeline.write(recording, out, title);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Element page(Recording recording) {
        return XmlPage.parse(html(recording, "test"));
    }
}
