package cn.fjsti.chainreport.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies of the report API, with their limits. */
public final class ReportRequests {

    /**
     * Text may hold line breaks and tabs, but no other control characters, no lone surrogate halves and no
     * non-characters (U+FFFE, U+FFFF): Java regex matches by code point, so a valid emoji pair passes.
     */
    static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uD800-\\uDFFF\\uFFFE\\uFFFF]*";
    static final String PRINTABLE_MESSAGE = "含有不可见的控制字符，请删除后再保存";

    private ReportRequests() {
    }

    /** Chains a county declares for a campaign (added to those it has declared before). */
    public record DeclareChains(
            @NotNull(message = "请填写产业链")
            @NotEmpty(message = "请至少填写一条产业链") @Size(max = 10, message = "一次最多填写 10 条产业链")
            List<@NotBlank(message = "产业链名称不能为空") @Size(min = 2, max = 60, message = "产业链名称应为 2 到 60 个字")
                 @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String> chains) {
    }

    /**
     * A draft save. {@code version} is the version the editor started from. Sections present replace the
     * stored text, absent ones are kept; {@code units}, when present, replaces the whole table.
     */
    public record SaveDraft(
            @NotNull(message = "请提供所编辑的版本号 version") Long version,
            Map<@NotNull(message = "章节名称不正确") Section,
                @Size(max = Section.MAX_MERGED_LENGTH, message = "每个章节不能超过 200000 字") @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String> sections,
            @Size(max = 200, message = "优势单位表最多 200 行") List<@NotNull(message = "表格行不能为空") @Valid UnitRow> units) {
    }

    /** A row of the strong-units table; cells may be blank in a draft. */
    public record UnitRow(
            @Size(max = 200, message = "单位名称不能超过 200 字") @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String name,
            UnitKind kind,
            @Size(max = 1000, message = "研究领域/优势不能超过 1000 字") @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String strength,
            @Size(max = 200, message = "联系方式不能超过 200 字") @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String contact) {

        StrengthUnit toUnit() {
            return new StrengthUnit(blankToNull(name), kind, blankToNull(strength), blankToNull(contact));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** Submits the draft the author last saw. */
    public record Submit(@NotNull(message = "请提供所提交的版本号 version") Long version) {
    }
}
