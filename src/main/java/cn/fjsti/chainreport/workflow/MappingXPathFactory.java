package cn.fjsti.chainreport.workflow;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathEvaluationResult;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The JDK's XPath for the DOM object model, with the plain child paths MyBatis asks for answered by walking the DOM
 * (issue 23, start).
 *
 * <p>Building the engine reads its MyBatis mappings (see {@link EngineMappings}), and MyBatis finds their parts with
 * XPath: {@code /mapper/resultMap}, {@code select|insert|update|delete}, and once per statement {@code selectKey}.
 * The JDK's XPath over a DOM builds, for every evaluation, a fresh evaluation context (arrays of several KB) and a
 * table of the document's nodes from its start up to the node asked about, so a file of n statements costs in the
 * order of n² node visits: in docs/benchmarks.md's nineteenth session, 0.7 s of the reading thread's CPU and 0.46 GB
 * of the 1.1 GB a start allocates. Walking the children instead gives the same nodes in the same (document) order.
 *
 * <p>Answered here: an expression that is one location path of name steps, absolute ({@code /mapper/sql}) or relative
 * to the node ({@code selectKey}, {@code a/b}), or a union of single names ({@code select|insert|update|delete}); no
 * spaces, predicates, axes, wildcards, {@code //}, attributes or functions, at most 16 steps or names; asked for
 * {@link XPathConstants#NODESET} or {@link XPathConstants#NODE} on a DOM {@link Node} of a {@link Document}'s tree
 * (not a detached node or a fragment's). A name step matches an element without namespace whose name
 * is that name, exactly as XPath 1.0's name test does; when a child element has a namespace or a prefixed name, the
 * evaluation is left to the JDK. Everything else (other expressions, result types or items, compiled expressions,
 * variables and functions) is the JDK's own {@link XPathFactory#newDefaultInstance() default implementation},
 * unchanged.
 *
 * <p>Registered for the DOM object model through {@code META-INF/services/javax.xml.xpath.XPathFactory}, which
 * {@link XPathFactory#newInstance()} consults before the JDK's default; it is public with a public no-argument
 * constructor for that reason.
 */
public final class MappingXPathFactory extends XPathFactory {

    /** One name step: an XML name without prefix (XPath 1.0's NCName, as far as mapping files use them). */
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_.-]*";

    /** A path of name steps, absolute or relative. */
    private static final Pattern PATH = Pattern.compile("/?" + NAME + "(/" + NAME + ")*");

    /** A union of single names. */
    private static final Pattern NAMES = Pattern.compile(NAME + "(\\|" + NAME + ")+");

    /**
     * The most steps and names an expression answered here has: far below the JDK's limit on an expression's size
     * under secure processing (100 operators), which the JDK then enforces on the longer ones.
     */
    private static final int MAX_STEPS = 16;

    private final XPathFactory jdk = XPathFactory.newDefaultInstance();

    /** A factory for the DOM object model; see the class comment. */
    public MappingXPathFactory() {
    }

    @Override
    public boolean isObjectModelSupported(String objectModel) {
        return DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
    }

    @Override
    public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws XPathFactoryConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
        jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
        jdk.setXPathFunctionResolver(resolver);
    }

    /**
     * {@code XPathFactory.setProperty} of JDK 18 and later (the JDK's limits, such as {@code jdk.xml.xpathExprOpLimit}),
     * passed on to the JDK's factory; this class is built for JDK 17, where the method does not exist.
     *
     * @throws UnsupportedOperationException when the running JDK's factory has no such method or refuses the name
     */
    public void setProperty(String name, String value) {
        passOn("setProperty", new Class<?>[] {String.class, String.class}, name, value);
    }

    /**
     * {@code XPathFactory.getProperty} of JDK 18 and later, passed on to the JDK's factory.
     *
     * @throws UnsupportedOperationException when the running JDK's factory has no such method or refuses the name
     */
    public String getProperty(String name) {
        return (String) passOn("getProperty", new Class<?>[] {String.class}, name);
    }

    private Object passOn(String method, Class<?>[] types, Object... arguments) {
        try {
            return XPathFactory.class.getMethod(method, types).invoke(jdk, arguments);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new UnsupportedOperationException(method + " is not supported by this JDK's XPath", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UnsupportedOperationException(method, e.getCause());
        }
    }

    @Override
    public XPath newXPath() {
        return new ChildPathXPath(jdk.newXPath());
    }

    /**
     * The nodes a plain child path selects from a node, in document order, or {@code null} when the expression or
     * the document is not one this class answers (then the JDK evaluates it).
     *
     * @param expression the XPath expression as given
     * @param item       the context item
     * @return the selected nodes, possibly none; {@code null} to leave the evaluation to the JDK
     */
    static List<Node> select(String expression, Object item) {
        if (!(item instanceof Node node) || expression == null || steps(expression) > MAX_STEPS
                || !(root(node) instanceof Document document)) {
            return null;
        }
        if (NAMES.matcher(expression).matches()) {
            return children(List.of(node), List.of(expression.split("\\|")));
        }
        if (!PATH.matcher(expression).matches()) {
            return null;
        }
        List<Node> current;
        String path = expression;
        if (path.startsWith("/")) {
            current = List.of(document);
            path = path.substring(1);
        } else {
            current = List.of(node);
        }
        for (String step : path.split("/")) {
            current = children(current, List.of(step));
            if (current == null || current.isEmpty()) {
                return current;
            }
        }
        return current;
    }

    /** The steps and names in an expression: one more than its separators {@code /} and {@code |}. */
    private static int steps(String expression) {
        int steps = 1;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '/' || c == '|') {
                steps++;
            }
        }
        return steps;
    }

    /** The top of the tree a node is in (an attribute is in its element's), as XPath's root node is. */
    private static Node root(Node node) {
        Node top = node instanceof Attr attribute ? attribute.getOwnerElement() : node;
        if (top == null) {
            return node;
        }
        while (top.getParentNode() != null) {
            top = top.getParentNode();
        }
        return top;
    }

    /**
     * The child elements of these nodes (in order; their subtrees are disjoint and in document order) named one of
     * these names; {@code null} when a child element has a namespace or a prefix, or a child is an unexpanded entity
     * reference: what XPath selects there this class leaves to the JDK.
     */
    private static List<Node> children(List<Node> parents, List<String> names) {
        List<Node> found = new ArrayList<>();
        for (Node parent : parents) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                    return null;
                }
                if (child.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                Element element = (Element) child;
                String name = element.getNodeName();
                if (element.getNamespaceURI() != null || name.indexOf(':') >= 0) {
                    return null;
                }
                if (names.contains(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    /** The JDK's XPath, with {@link #select plain child paths} answered first. */
    private static final class ChildPathXPath implements XPath {

        private final XPath jdk;

        ChildPathXPath(XPath jdk) {
            this.jdk = jdk;
        }

        @Override
        public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
            if (XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType)) {
                List<Node> nodes = select(expression, item);
                if (nodes != null) {
                    if (XPathConstants.NODE.equals(returnType)) {
                        return nodes.isEmpty() ? null : nodes.get(0);
                    }
                    return new Nodes(nodes);
                }
            }
            return jdk.evaluate(expression, item, returnType);
        }

        @Override
        public void reset() {
            jdk.reset();
        }

        @Override
        public void setXPathVariableResolver(XPathVariableResolver resolver) {
            jdk.setXPathVariableResolver(resolver);
        }

        @Override
        public XPathVariableResolver getXPathVariableResolver() {
            return jdk.getXPathVariableResolver();
        }

        @Override
        public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
            jdk.setXPathFunctionResolver(resolver);
        }

        @Override
        public XPathFunctionResolver getXPathFunctionResolver() {
            return jdk.getXPathFunctionResolver();
        }

        @Override
        public void setNamespaceContext(NamespaceContext context) {
            jdk.setNamespaceContext(context);
        }

        @Override
        public NamespaceContext getNamespaceContext() {
            return jdk.getNamespaceContext();
        }

        @Override
        public XPathExpression compile(String expression) throws XPathExpressionException {
            return jdk.compile(expression);
        }

        @Override
        public String evaluate(String expression, Object item) throws XPathExpressionException {
            return jdk.evaluate(expression, item);
        }

        @Override
        public Object evaluate(String expression, InputSource source, QName returnType)
                throws XPathExpressionException {
            return jdk.evaluate(expression, source, returnType);
        }

        @Override
        public String evaluate(String expression, InputSource source) throws XPathExpressionException {
            return jdk.evaluate(expression, source);
        }

        @Override
        public <T> T evaluateExpression(String expression, Object item, Class<T> type)
                throws XPathExpressionException {
            return jdk.evaluateExpression(expression, item, type);
        }

        @Override
        public XPathEvaluationResult<?> evaluateExpression(String expression, Object item)
                throws XPathExpressionException {
            return jdk.evaluateExpression(expression, item);
        }

        @Override
        public <T> T evaluateExpression(String expression, InputSource source, Class<T> type)
                throws XPathExpressionException {
            return jdk.evaluateExpression(expression, source, type);
        }

        @Override
        public XPathEvaluationResult<?> evaluateExpression(String expression, InputSource source)
                throws XPathExpressionException {
            return jdk.evaluateExpression(expression, source);
        }
    }

    /** A fixed node list. */
    private record Nodes(List<Node> nodes) implements NodeList {

        @Override
        public Node item(int index) {
            return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
        }

        @Override
        public int getLength() {
            return nodes.size();
        }
    }
}
