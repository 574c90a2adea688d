package cn.fjsti.chainreport.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TableRows puts a table's name into SQL, so it takes nothing but a plain lower-case name. */
class TableRowsTest {

    @Test
    void shouldRefuseAnythingButATableName() {
        for (String name : new String[] {"account; drop table region", "region r", "\"region\"", "Region", ""}) {
            assertThatThrownBy(() -> TableRows.count(null, name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a table name");
        }
    }
}
