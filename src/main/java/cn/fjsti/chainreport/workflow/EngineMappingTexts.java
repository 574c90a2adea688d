package cn.fjsti.chainreport.workflow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.scripting.xmltags.SqlNode;
import org.apache.ibatis.scripting.xmltags.StaticTextSqlNode;
import org.apache.ibatis.session.Configuration;
import org.jboss.logging.Logger;

/**
 * One copy of each piece of SQL text in the engine's mappings, instead of one per place it was included.
 *
 * <p>The engine's mapping files include the same fragments (authorisation checks, tenant checks, paging) into
 * hundreds of statements; MyBatis parses each inclusion into a {@link StaticTextSqlNode} of its own, with its own
 * copy of the text, indentation and all. After a province season the heap held 90,073 such nodes with 10.1 MB of
 * text, of which 146 KB were distinct (issue 23, docs/benchmarks.md, sixteenth session). A {@code StaticTextSqlNode}
 * is immutable (it appends its text, nothing else), so equal ones are interchangeable: here each list of nodes in
 * a statement's dynamic SQL gets the first node seen with that text.
 *
 * <p>MyBatis gives no way to walk its node trees, so this reads their private fields (MyBatis 3.5: {@code
 * DynamicSqlSource.rootSqlNode}, {@code StaticTextSqlNode.text}, the {@code SqlNode} fields of the tag nodes and
 * the {@code List<SqlNode>}s of {@code MixedSqlNode} and {@code ChooseSqlNode}). Where a statement's tree cannot be
 * read (another MyBatis), the rest of that statement is left as it is and the walk goes on with the next; each list
 * holds either its own node or an equal one, so the SQL is the same either way, and only the memory saved differs.
 * Run once, at the engine's start, before any statement is used.
 */
final class EngineMappingTexts {

    private static final Logger LOG = Logger.getLogger(EngineMappingTexts.class);

    private final Map<String, StaticTextSqlNode> shared = new HashMap<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Class<?>, List<Field>> fieldsOf = new HashMap<>();
    private Field rootField;
    private Field textField;
    private int replaced;

    private EngineMappingTexts() {
    }

    /**
     * Shares equal SQL text nodes across every statement of {@code mappings}.
     *
     * @param mappings the engine's MyBatis configuration, fully built (no statements pending)
     * @return how many nodes were replaced by an equal one seen before; 0 when the trees could not be read
     */
    static int share(Configuration mappings) {
        EngineMappingTexts walk = new EngineMappingTexts();
        int skipped = 0;
        String firstFailure = null;
        // As Objects: MyBatis's map answers an ambiguous short name with a marker of its own, not a statement.
        for (Object value : new ArrayList<Object>(mappings.getMappedStatements())) {
            if (value instanceof MappedStatement statement && statement.getSqlSource() instanceof DynamicSqlSource source
                    && walk.seen.add(source)) {
                try {
                    walk.visit(walk.root(source));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    skipped++;
                    firstFailure = firstFailure == null ? e.toString() : firstFailure;
                }
            }
        }
        if (skipped > 0) {
            LOG.infof("SQL texts of %d of the engine's statements not shared (%s): more memory, the same SQL", skipped,
                    firstFailure);
        }
        LOG.debugf("engine mappings: %d SQL text nodes shared, %d distinct", walk.replaced, walk.shared.size());
        return walk.replaced;
    }

    private void visit(Object node) throws ReflectiveOperationException {
        if (!(node instanceof SqlNode) || node instanceof StaticTextSqlNode || !seen.add(node)) {
            return;
        }
        for (Field field : fields(node.getClass())) {
            Object value = field.get(node);
            if (value instanceof List<?> list) {
                shareIn(list);
            } else if (value instanceof SqlNode child) {
                visit(child);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void shareIn(List<?> list) throws ReflectiveOperationException {
        List<Object> nodes = (List<Object>) list;
        boolean modifiable = true;
        for (int i = 0; i < nodes.size(); i++) {
            Object element = nodes.get(i);
            if (element instanceof StaticTextSqlNode text && text.getClass() == StaticTextSqlNode.class) {
                StaticTextSqlNode first = shared.putIfAbsent(text(text), text);
                if (modifiable && first != null && first != text) {
                    try {
                        nodes.set(i, first);
                        replaced++;
                    } catch (UnsupportedOperationException unmodifiable) {
                        modifiable = false;
                    }
                }
            } else {
                visit(element);
            }
        }
    }

    private Object root(DynamicSqlSource source) throws ReflectiveOperationException {
        if (rootField == null) {
            rootField = DynamicSqlSource.class.getDeclaredField("rootSqlNode");
            rootField.setAccessible(true);
        }
        return rootField.get(source);
    }

    private String text(StaticTextSqlNode node) throws ReflectiveOperationException {
        if (textField == null) {
            textField = StaticTextSqlNode.class.getDeclaredField("text");
            textField.setAccessible(true);
        }
        return (String) textField.get(node);
    }

    private List<Field> fields(Class<?> type) {
        return fieldsOf.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())
                            && (SqlNode.class.isAssignableFrom(field.getType()) || List.class.isAssignableFrom(field.getType()))) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return fields;
        });
    }
}
