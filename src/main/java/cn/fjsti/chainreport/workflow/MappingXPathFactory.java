package cn.fjsti.chainreport.workflow;

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
 * order of n² node visits: in docs/benchmarks.md's nineteenth session, 0.7 s of CPU and 0.46 GB of the 1.1 GB a start
 * allocates (four to five of its ten young collections, each stopping every thread). Walking the children instead
 * gives the same nodes in the same (document) order.
 *
 * <p>Answered here: an expression that is one location path of name steps, absolute ({@code /mapper/sql}) or relative
 * to the node ({@code selectKey}, {@code a/b}), or a union of single names ({@code select|insert|update|delete}); no
 * spaces, predicates, axes, wildcards, {@code //}, attributes or functions; asked for {@link XPathConstants#NODESET}
 * or {@link XPathConstants#NODE} on a DOM {@link Node}. A name step matches an element without namespace whose name
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
        if (!(item instanceof Node node) || expression == null) {
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
            Document document = node instanceof Document d ? d : node.getOwnerDocument();
            if (document == null) {
                return null;
            }
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
