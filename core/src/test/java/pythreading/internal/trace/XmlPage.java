package pythreading.internal.trace;

import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A page parsed as XML by the JDK's {@code DocumentBuilder}, which fails on anything not
 * well-formed, copied into a plain tree of {@link Element}s for the tests to query.
 *
 * <p>The JDK's XML parser is reached by reflection: core's tests are compiled into the
 * module {@code pythreading.core}, which reads {@code java.base} (and, for the tests,
 * {@code java.logging}) but not {@code java.xml}; they run on the class path, where every
 * module of the JDK is readable.
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

    private static final short ELEMENT_NODE = 1;

    private XmlPage() {
    }

    /**
     * Parses {@code xml}.
     *
     * @return the root element
     * @throws AssertionError if it is not well-formed XML
     */
    static Element parse(String xml) {
        try {
            Class<?> factoryType = Class.forName("javax.xml.parsers.DocumentBuilderFactory");
            Object factory = factoryType.getMethod("newInstance").invoke(null);
            Object builder = factoryType.getMethod("newDocumentBuilder").invoke(factory);
            Class<?> builderType = Class.forName("javax.xml.parsers.DocumentBuilder");
            Class<?> errorHandlerType = Class.forName("org.xml.sax.ErrorHandler");
            // Errors are thrown (the default handler would also print them); warnings ignored.
            Object handler = Proxy.newProxyInstance(XmlPage.class.getClassLoader(), new Class<?>[] {errorHandlerType},
                    (proxy, method, arguments) -> {
                        if (!method.getName().equals("warning")) {
                            throw (Throwable) arguments[0];
                        }
                        return null;
                    });
            builderType.getMethod("setErrorHandler", errorHandlerType).invoke(builder, handler);
            Class<?> sourceType = Class.forName("org.xml.sax.InputSource");
            Object source = sourceType.getConstructor(java.io.Reader.class).newInstance(new StringReader(xml));
            Object document = builderType.getMethod("parse", sourceType).invoke(builder, source);
            Object root = Class.forName("org.w3c.dom.Document").getMethod("getDocumentElement").invoke(document);
            return copy(root, new Dom());
        } catch (InvocationTargetException e) {
            throw new AssertionError("not well-formed XML: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the JDK's XML parser is not reachable", e);
        }
    }

    private static Element copy(Object node, Dom dom) throws ReflectiveOperationException {
        Map<String, String> attributes = new LinkedHashMap<>();
        Object map = dom.getAttributes.invoke(node);
        int count = (int) dom.mapLength.invoke(map);
        for (int i = 0; i < count; i++) {
            Object attribute = dom.mapItem.invoke(map, i);
            attributes.put((String) dom.getNodeName.invoke(attribute), (String) dom.getNodeValue.invoke(attribute));
        }
        List<Element> children = new ArrayList<>();
        Object list = dom.getChildNodes.invoke(node);
        int length = (int) dom.listLength.invoke(list);
        for (int i = 0; i < length; i++) {
            Object child = dom.listItem.invoke(list, i);
            if ((short) dom.getNodeType.invoke(child) == ELEMENT_NODE) {
                children.add(copy(child, dom));
            }
        }
        return new Element((String) dom.getNodeName.invoke(node), attributes, children,
                (String) dom.getTextContent.invoke(node));
    }

    /** The few DOM methods the copy needs. */
    private static final class Dom {
        final Method getAttributes;
        final Method getChildNodes;
        final Method getNodeName;
        final Method getNodeValue;
        final Method getNodeType;
        final Method getTextContent;
        final Method mapLength;
        final Method mapItem;
        final Method listLength;
        final Method listItem;

        Dom() throws ReflectiveOperationException {
            Class<?> node = Class.forName("org.w3c.dom.Node");
            Class<?> map = Class.forName("org.w3c.dom.NamedNodeMap");
            Class<?> list = Class.forName("org.w3c.dom.NodeList");
            getAttributes = node.getMethod("getAttributes");
            getChildNodes = node.getMethod("getChildNodes");
            getNodeName = node.getMethod("getNodeName");
            getNodeValue = node.getMethod("getNodeValue");
            getNodeType = node.getMethod("getNodeType");
            getTextContent = node.getMethod("getTextContent");
            mapLength = map.getMethod("getLength");
            mapItem = map.getMethod("item", int.class);
            listLength = list.getMethod("getLength");
            listItem = list.getMethod("item", int.class);
        }
    }
}
