package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.common.Limits;
import cn.fjsti.chainreport.common.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies of the report API, with their limits. */
public final class ReportRequests {

    private ReportRequests() {
    }

    /** Chains a county declares for a campaign (added to those it has declared before). */
    public record DeclareChains(
            @NotNull(message = "请填写产业链")
            @NotEmpty(message = cn.fjsti.chainreport.rules.OneChainPerCounty.EMPTY_DECLARATION) @Size(max = 10, message = "一次最多填写 10 条产业链")
            List<@NotNull(message = "产业链名称不能为空") @Text(value = FreeText.CHAIN_NAME, required = true) String> chains) {
    }

    /**
     * A draft save. {@code version} is the version the editor started from. Sections present replace the
     * stored text, absent ones are kept, an empty string clears one; {@code null} for a section is refused (400), so
     * that a client's missing value never empties a section with its tables and figures.
     */
    public record SaveDraft(
            @NotNull(message = "请提供所编辑的版本号 version") Long version,
            Map<@NotNull(message = "章节名称不正确") Section,
                @NotNull(message = "章节内容不能为 null：要清空请传空字符串 \"\"，要保留请不传该章节") @Text(FreeText.MERGED_SECTION) String> sections,
            @Size(max = Limits.UNIT_ROWS, message = "优势单位表最多 " + Limits.UNIT_ROWS + " 行") List<@NotNull(message = "表格行不能为空") @Valid UnitRow> units) {
    }

    /** A row of the strong-units table; cells may be blank in a draft. */
    public record UnitRow(
            @Text(FreeText.UNIT_NAME) String name,
            UnitKind kind,
            @Text(FreeText.UNIT_STRENGTH) String strength,
            @Text(FreeText.UNIT_CONTACT) String contact) {

        /** The row as stored: each cell through {@link FreeText}, blank cells null. */
        StrengthUnit toUnit() {
            String strengthText = FreeText.UNIT_STRENGTH.clean(strength);
            return new StrengthUnit(FreeText.UNIT_NAME.clean(name), kind, strengthText == null ? null : strengthText.strip(),
                    FreeText.UNIT_CONTACT.clean(contact));
        }
    }

    /** Submits the draft the author last saw. */
    public record Submit(@NotNull(message = "请提供所提交的版本号 version") Long version) {
    }
}
