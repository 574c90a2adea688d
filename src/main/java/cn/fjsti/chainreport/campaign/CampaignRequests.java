package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.common.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of the campaign API. */
public final class CampaignRequests {

    private CampaignRequests() {
    }

    /** Opens a yearly campaign. Deadline defaults to 31 October 23:59:59 Asia/Shanghai of the year. */
    public record Open(
            @NotNull(message = "请填写年度") @Min(value = 2020, message = "年度不能早于 2020") @Max(value = 2200, message = "年度不能晚于 2200")
            Integer year,
            @Text(FreeText.CAMPAIGN_TITLE) String title,
            OffsetDateTime deadline,
            @Size(max = 200, message = "试点县不能超过 200 个") List<@NotNull(message = "试点县不能为空") @Valid Pilot> pilots) {
    }

    /** A pilot county and the chains designated for it. */
    public record Pilot(
            @NotBlank(message = "请填写试点县代码") @Pattern(regexp = "[0-9A-Z]{2,12}", message = "地区代码格式不正确") String countyCode,
            @NotEmpty(message = "请至少填写一条指定产业链") @Size(max = 10, message = "每个试点县最多 10 条指定产业链")
            List<@NotNull(message = "产业链名称不能为空") @Text(value = FreeText.CHAIN_NAME, required = true) String> chains) {
    }
}
