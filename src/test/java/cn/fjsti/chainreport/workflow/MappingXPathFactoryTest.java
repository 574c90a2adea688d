package cn.fjsti.chainreport.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.executor.keygen.SelectKeyGenerator;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The plain child paths {@link MappingXPathFactory} answers select what the JDK's XPath selects, in the same order,
 * from every node of documents shaped like mapping files and unlike them; everything else is the JDK's answer; and
 * the engine's mappings read with it are the ones read with the JDK's.
 */
class MappingXPathFactoryTest {

    private static final String JDK_FACTORY = "com.sun.org.apache.xpath.internal.jaxp.XPathFactoryImpl";

    private static final String MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment before the root -->
            <mapper namespace="org.example.Report">
              <resultMap id="reportResult" type="Report">
                <id property="id" column="ID_"/>
                <result property="title" column="TITLE_"/>
                <collection property="sections"><result property="text" column="TEXT_"/></collection>
              </resultMap>
              <sql id="columns">ID_, TITLE_</sql>
              <insert id="insertReport">
                <selectKey keyProperty="id" order="BEFORE">select next value for SEQ</selectKey>
                insert into REPORT values (#{id}, #{title})
              </insert>
              <select id="selectReport" resultMap="reportResult">
                select <include refid="columns"/> from REPORT
                <where><if test="id != null">ID_ = #{id}</if><select>not a statement, a nested name</select></where>
              </select>
              text between statements
              <update id="updateReport">update REPORT set TITLE_ = #{title}<selectKey keyProperty="v">select 1</selectKey></update>
              <delete id="deleteReport">delete from REPORT where ID_ = #{id}</delete>
              <sql id="more">TEXT_</sql>
              <selectKey>a stray one at the top</selectKey>
              <select id="countReports"><![CDATA[select count(*) from REPORT where A < B]]></select>
              <insert id="plainInsert">insert into REPORT values (1)</insert>
              <?processing instruction?>
            </mapper>
            """;

    /** A document of the other kind: deep, repeated names at every level, no statements. */
    private static final String DEEP = """
            <a><b><a><b/><c/><b><a/></b></a></b><c><b/></c><b-x.y_z/><b/></a>
            """;

    private static final List<String> ANSWERED = List.of("mapper", "/mapper", "/mapper/resultMap", "/mapper/sql",
            "/mapper/parameterMap", "select|insert|update|delete", "selectKey", "cache-ref", "cache", "resultMap/id",
            "where/if", "where/select", "/mapper/select/where/select", "a", "b", "a/b", "b/a/b", "/a/b/a", "c|b",
            "b|c|a", "b-x.y_z", "/missing", "/a/missing/b", "missing|b");

    private static final List<String> LEFT_TO_THE_JDK = List.of("//select", "select[@id='selectReport']", "@id",
            "*", "select | insert", "./selectKey", "../sql", "text()", "node()", "/", "/mapper//selectKey",
            "select[1]", "child::insert", "descendant::b", "(b|c)[last()]");

    @Test
    void shouldBeTheFactoryXPathGivesForTheDomModel() throws Exception {
        XPathFactory factory = XPathFactory.newInstance();
        assertThat(factory).isInstanceOf(MappingXPathFactory.class);
        assertThat(factory.isObjectModelSupported(XPathFactory.DEFAULT_OBJECT_MODEL_URI)).isTrue();
        assertThat(factory.isObjectModelSupported("http://example.org/another-model")).isFalse();
    }

    @Test
    void shouldSelectWhatTheJdkSelectsFromEveryNode() throws Exception {
        for (String xml : List.of(MAPPER, DEEP)) {
            for (boolean namespaceAware : new boolean[] {false, true}) {
                Document document = parse(xml, namespaceAware);
                for (Node context : nodes(document)) {
                    for (String expression : ANSWERED) {
                        assertThat(MappingXPathFactory.select(expression, context)).as(expression).isNotNull();
                        assertSame(context, expression);
                    }
                    for (String expression : LEFT_TO_THE_JDK) {
                        assertThat(MappingXPathFactory.select(expression, context)).as(expression).isNull();
                        assertSame(context, expression);
                    }
                }
            }
        }
    }

    @Test
    void shouldLeaveNamespacesAndPrefixesToTheJdk() throws Exception {
        String xml = """
                <m:mapper xmlns:m="urn:m" xmlns="urn:default"><select id="a"/><m:select id="b"/><x:select xmlns:x="urn:m" id="c"/></m:mapper>
                """;
        String prefixedOnly = "<mapper xmlns:x='urn:x'><x:select id='a'/><select id='b'/></mapper>";
        for (String text : List.of(xml, prefixedOnly)) {
            for (boolean namespaceAware : new boolean[] {false, true}) {
                Document document = parse(text, namespaceAware);
                Node root = document.getDocumentElement();
                assertThat(MappingXPathFactory.select("select", root)).as(text).isNull();
                for (Node context : nodes(document)) {
                    for (String expression : List.of("select", "select|insert", "/mapper", "mapper")) {
                        assertSame(context, expression);
                    }
                }
            }
        }
        // A name test without prefix selects only elements in no namespace: here, none.
        NodeList none = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("select", parse(xml, true).getDocumentElement(), XPathConstants.NODESET);
        assertThat(none.getLength()).isZero();
    }

    @Test
    void shouldLeaveEntityReferencesDetachedNodesAndFragmentsToTheJdk() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        Document withEntity = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<!DOCTYPE mapper [<!ENTITY e '<select id=\"e\"/>'>]><mapper>&e;<insert/><select id='s'/></mapper>")));
        Node mapper = withEntity.getDocumentElement();
        assertThat(mapper.getFirstChild().getNodeType()).isEqualTo(Node.ENTITY_REFERENCE_NODE);
        assertThat(MappingXPathFactory.select("select|insert", mapper)).isNull();
        for (String expression : List.of("select|insert", "select", "/mapper/select")) {
            assertSame(mapper, expression);
        }

        Document document = parse("<r><q/></r>", false);
        Node detached = document.createElement("r");
        detached.appendChild(document.createElement("q"));
        Element withAttribute = document.createElement("r");
        withAttribute.setAttribute("id", "x");
        DocumentFragment fragment = document.createDocumentFragment();
        Node inFragment = fragment.appendChild(document.createElement("r"));
        inFragment.appendChild(document.createElement("q"));
        for (Node context : List.of(detached, withAttribute.getAttributeNode("id"), fragment, inFragment)) {
            assertThat(MappingXPathFactory.select("/r", context)).as(context.getNodeName()).isNull();
            for (String expression : List.of("/r", "/r/q", "r", "q", "r|q")) {
                assertSame(context, expression);
            }
        }
    }

    @Test
    void shouldLeaveLongExpressionsToTheJdksLimits() throws Exception {
        Node root = parse(MAPPER, false).getDocumentElement();
        String sixteen = String.join("|", Collections.nCopies(16, "select"));
        assertThat(MappingXPathFactory.select(sixteen, root)).hasSize(2);
        String long200 = String.join("|", Collections.nCopies(200, "select"));
        assertThat(MappingXPathFactory.select(long200, root)).isNull();
        XPath ours = XPathFactory.newInstance().newXPath();
        XPath jdks = jdk().newXPath();
        Object expected;
        try {
            expected = jdks.evaluate(long200, root, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            expected = e.getClass();
        }
        Object actual;
        try {
            actual = ours.evaluate(long200, root, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            actual = e.getClass();
        }
        assertThat(actual instanceof NodeList nodes ? list(nodes) : actual)
                .isEqualTo(expected instanceof NodeList nodes ? list(nodes) : expected);
    }

    @Test
    void shouldPassTheJdksPropertiesOnWhereTheJdkHasThem() {
        MappingXPathFactory factory = new MappingXPathFactory();
        if (Runtime.version().feature() < 18) {
            assertThatThrownBy(() -> factory.getProperty("jdk.xml.xpathExprOpLimit"))
                    .isInstanceOf(UnsupportedOperationException.class);
        } else {
            factory.setProperty("jdk.xml.xpathExprOpLimit", "50");
            assertThat(factory.getProperty("jdk.xml.xpathExprOpLimit")).isEqualTo("50");
        }
    }

    @Test
    void shouldAnswerWhatMyBatisAsksOfTheEngineMappings() throws Exception {
        // The fast path is what the engine's mappings take: the root, the statements, each statement's selectKey.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        int statements = 0;
        for (String file : List.of("Task.xml", "Execution.xml", "HistoricProcessInstance.xml", "Job.xml")) {
            Document document;
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("org/camunda/bpm/engine/impl/mapping/entity/" + file)) {
                assertThat(in).as(file).isNotNull();
                document = builder.parse(in);
            }
            List<Node> mapper = MappingXPathFactory.select("/mapper", document);
            assertThat(mapper).as(file).hasSize(1);
            assertThat(MappingXPathFactory.select("/mapper/resultMap", document)).as(file).isNotEmpty();
            List<Node> found = MappingXPathFactory.select("select|insert|update|delete", mapper.get(0));
            assertThat(found).as(file).hasSizeGreaterThan(3);
            for (Node statement : found) {
                assertThat(MappingXPathFactory.select("selectKey", statement)).as(file).isEmpty();
                assertSame(statement, "selectKey");
            }
            assertSame(mapper.get(0), "select|insert|update|delete");
            statements += found.size();
        }
        assertThat(statements).isGreaterThan(50);
    }

    @Test
    void shouldLeaveOtherResultTypesAndItemsToTheJdk() throws Exception {
        Document document = parse(MAPPER, false);
        XPath ours = XPathFactory.newInstance().newXPath();
        XPath jdks = jdk().newXPath();
        Node root = document.getDocumentElement();
        for (QName type : List.of(XPathConstants.STRING, XPathConstants.BOOLEAN, XPathConstants.NUMBER)) {
            for (String expression : List.of("sql", "/mapper/sql", "count(select)", "select/@id", "missing")) {
                assertThat(ours.evaluate(expression, root, type)).as(expression + " " + type)
                        .isEqualTo(jdks.evaluate(expression, root, type));
            }
        }
        assertThat(ours.evaluate("/mapper/insert/@id", new InputSource(new StringReader(MAPPER.strip()))))
                .isEqualTo("insertReport");
        assertThat(MappingXPathFactory.select("select", "not a node")).isNull();
        assertThat(MappingXPathFactory.select(null, root)).isNull();
        assertThat(ours.compile("count(/mapper/select)").evaluate(document, XPathConstants.NUMBER)).isEqualTo(2.0);
    }

    @Test
    void shouldReadTheEngineMappingsTheJdkReads() throws Exception {
        Configuration withOurs = EngineMappings.read("h2", "");
        Configuration withJdks = withFactory(JDK_FACTORY, () -> EngineMappings.read("h2", ""));

        assertThat(new TreeSet<>(withOurs.getMappedStatementNames()))
                .isEqualTo(new TreeSet<>(withJdks.getMappedStatementNames())).hasSizeGreaterThan(1000);
        assertThat(new TreeSet<>(withOurs.getResultMapNames())).isEqualTo(new TreeSet<>(withJdks.getResultMapNames()));
        assertThat(new TreeSet<>(withOurs.getSqlFragments().keySet()))
                .isEqualTo(new TreeSet<>(withJdks.getSqlFragments().keySet()));
        for (String id : EngineMappingsTest.fullNames(withJdks.getMappedStatementNames())) {
            MappedStatement expected = withJdks.getMappedStatement(id);
            MappedStatement actual = withOurs.getMappedStatement(id);
            assertThat(EngineMappingsTest.shape(actual)).as(id).isEqualTo(EngineMappingsTest.shape(expected));
            assertThat(actual.getKeyGenerator().getClass()).as(id).isEqualTo(expected.getKeyGenerator().getClass());
        }
        Map<String, String> ours = EngineMappingsTest.trees(withOurs, new HashSet<>(), new HashSet<>());
        Map<String, String> jdks = EngineMappingsTest.trees(withJdks, new HashSet<>(), new HashSet<>());
        assertThat(ours).isEqualTo(jdks);
    }

    @Test
    void shouldReadAMapperWithKeysAsTheJdkReadsIt() {
        // The engine's mappings have no selectKey, which MyBatis looks for in every statement: a mapper that has.
        String mapper = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="example.Report">
                  <sql id="columns">ID_, TITLE_</sql>
                  <insert id="insertReport" parameterType="map">
                    <selectKey keyProperty="id" resultType="long" order="BEFORE">select next value for SEQ</selectKey>
                    insert into REPORT (<include refid="columns"/>) values (#{id}, #{title})
                  </insert>
                  <update id="touchReport" parameterType="map">
                    <selectKey keyProperty="version" resultType="int" order="AFTER">select VERSION_ from REPORT</selectKey>
                    update REPORT set VERSION_ = VERSION_ + 1 where ID_ = #{id}
                  </update>
                  <insert id="plainInsert" parameterType="map">insert into REPORT values (#{id})</insert>
                  <select id="selectReport" parameterType="map" resultType="map">
                    select <include refid="columns"/> from REPORT <where><if test="id != null">ID_ = #{id}</if></where>
                  </select>
                </mapper>
                """.strip();
        Configuration ours = readMapper(mapper);
        Configuration jdks = withFactory(JDK_FACTORY, () -> readMapper(mapper));

        assertThat(new TreeSet<>(ours.getMappedStatementNames())).isEqualTo(new TreeSet<>(jdks.getMappedStatementNames()))
                .contains("example.Report.insertReport!selectKey", "example.Report.touchReport!selectKey");
        for (String id : List.of("example.Report.insertReport", "example.Report.touchReport", "example.Report.plainInsert")) {
            MappedStatement actual = ours.getMappedStatement(id);
            MappedStatement expected = jdks.getMappedStatement(id);
            assertThat(actual.getKeyGenerator().getClass()).as(id).isEqualTo(expected.getKeyGenerator().getClass());
            assertThat(actual.getBoundSql(Map.of("id", 1L, "title", "t")).getSql()).as(id)
                    .isEqualTo(expected.getBoundSql(Map.of("id", 1L, "title", "t")).getSql());
        }
        assertThat(ours.getMappedStatement("example.Report.insertReport").getKeyGenerator())
                .isInstanceOf(SelectKeyGenerator.class);
        assertThat(ours.getMappedStatement("example.Report.plainInsert").getKeyGenerator())
                .isNotInstanceOf(SelectKeyGenerator.class);
    }

    private static Configuration readMapper(String xml) {
        Configuration configuration = new Configuration();
        new XMLMapperBuilder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), configuration,
                "example/Report.xml", configuration.getSqlFragments()).parse();
        return configuration;
    }

    private static void assertSame(Node context, String expression) throws Exception {
        XPath ours = XPathFactory.newInstance().newXPath();
        XPath jdks = jdk().newXPath();
        NodeList expected = (NodeList) jdks.evaluate(expression, context, XPathConstants.NODESET);
        NodeList actual = (NodeList) ours.evaluate(expression, context, XPathConstants.NODESET);
        String where = expression + " from " + context.getNodeName();
        assertThat(list(actual)).as(where).containsExactlyElementsOf(list(expected));
        assertThat(ours.evaluate(expression, context, XPathConstants.NODE)).as(where)
                .isSameAs(jdks.evaluate(expression, context, XPathConstants.NODE));
        assertThat(actual.item(actual.getLength())).isNull();
        assertThat(actual.item(-1)).isNull();
    }

    private static List<Node> list(NodeList nodes) {
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add(nodes.item(i));
        }
        return list;
    }

    /** The document, and every node in it (elements, texts, comments, attributes). */
    private static List<Node> nodes(Node node) {
        List<Node> all = new ArrayList<>();
        all.add(node);
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                all.add(node.getAttributes().item(i));
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            all.addAll(nodes(child));
        }
        return all;
    }

    private static Document parse(String xml, boolean namespaceAware) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(namespaceAware);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml.strip())));
    }

    private static XPathFactory jdk() {
        return XPathFactory.newDefaultInstance();
    }

    private static <T> T withFactory(String className, Supplier<T> action) {
        String property = "javax.xml.xpath.XPathFactory:" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;
        String before = System.getProperty(property);
        System.setProperty(property, className);
        try {
            assertThat(XPathFactory.newInstance()).isNotInstanceOf(MappingXPathFactory.class);
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
