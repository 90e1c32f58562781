package pythreading.internal.trace;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A page parsed as XML by the JDK's {@code DocumentBuilder}, which fails on anything not
 * well-formed, copied into a plain tree of {@link Element}s for the tests to query.
 *
 * <p>Core's tests are compiled into the module {@code pythreading.core}, which the test
 * compilation lets read {@code java.xml} (core's pom).
 */
final class XmlPage {

    /** An element: its tag, attributes, children and text (its own and its descendants'). */
    record Element(String tag, Map<String, String> attributes, List<Element> children, String text) {

        String attribute(String name) {
            return attributes.get(name);
        }

        /** This element and every descendant, in document order. */
        List<Element> all() {
            List<Element> all = new ArrayList<>();
            walk(all::add);
            return all;
        }

        /** The descendants (and this) with attribute {@code class} equal to {@code cls}. */
        List<Element> withClass(String cls) {
            List<Element> found = new ArrayList<>();
            walk(e -> {
                if (cls.equals(e.attribute("class"))) {
                    found.add(e);
                }
            });
            return found;
        }

        /** The first child with tag {@code tag}, or null. */
        Element child(String tag) {
            return children.stream().filter(c -> c.tag.equals(tag)).findFirst().orElse(null);
        }

        private void walk(Consumer<Element> visitor) {
            visitor.accept(this);
            for (Element child : children) {
                child.walk(visitor);
            }
        }
    }

    private XmlPage() {
    }

    /**
     * Parses {@code xml}.
     *
     * @param xml the page
     * @return the root element
     * @throws AssertionError if it is not well-formed XML
     */
    static Element parse(String xml) {
        try {
            DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() { // fail on the first error, without printing it
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            return copy(document.getDocumentElement());
        } catch (SAXException e) {
            throw new AssertionError("not well-formed XML: " + e, e);
        } catch (ParserConfigurationException | IOException e) {
            throw new AssertionError("the JDK's XML parser failed", e);
        }
    }

    private static Element copy(Node node) {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap map = node.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attributes.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        List<Element> children = new ArrayList<>();
        NodeList list = node.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add(copy(list.item(i)));
            }
        }
        return new Element(node.getNodeName(), attributes, children, node.getTextContent());
    }
}
