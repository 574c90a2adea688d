package cn.fjsti.chainreport.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI tags that group the API by who uses it: each operation carries the tag of every role whose clerks
 * call it ({@code @Tag(name = ApiTags.CITY)}), and {@link #GENERAL} when every signed-in account may call it, each
 * within its own region. {@link ProblemResponses} adds the tags' descriptions to /q/openapi.
 */
public final class ApiTags {

    /** County science bureaus (县级科技局): declare chains, draft and submit their reports. */
    public static final String COUNTY = "区县";
    /** City-level units (设区市科技局, 平潭综合实验区经发局): review, merge, write city-led reports, send the package. */
    public static final String CITY = "设区市";
    /** 福建省科学技术信息研究所: accepts or returns packages, the board, the compilation. */
    public static final String INSTITUTE = "省情报所";
    /** 省科技厅's administrators: open campaigns, extend deadlines, accounts, backup. */
    public static final String ADMIN = "管理员";
    /** Every signed-in account, each within its own region (and the sign-in itself). */
    public static final String GENERAL = "通用";

    /** Each tag with the description /q/openapi shows, in the order the API browser lists them. */
    static final Map<String, String> DESCRIPTIONS = descriptions();

    private ApiTags() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(COUNTY, "县（市、区）科技局：申报产业链，编写、提交、撤回调研报告，插入表格和图片，导入 Word 文件");
        d.put(CITY, "设区市科技局及平潭综合实验区经发局：审核县级报告、合并重复产业链、牵头编写报告、报送材料、催办");
        d.put(INSTITUTE, "福建省科学技术信息研究所：接收或退回材料、进度看板、催办设区市、汇编、操作日志");
        d.put(ADMIN, "省科技厅管理员：启动调研、延期、账号、备份、操作日志");
        d.put(GENERAL, "所有登录账号，各按本地区范围：查看报告和地区、我的待办、消息、下载报告、登录与本人密码");
        return d;
    }

    /** Puts the tags, with their descriptions, on the document. */
    static void describe(OpenAPI openAPI) {
        DESCRIPTIONS.forEach((name, description) -> {
            if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> name.equals(t.getName()))) {
                openAPI.addTag(OASFactory.createTag().name(name));
            }
            openAPI.getTags().stream().filter(t -> name.equals(t.getName())).forEach(t -> t.setDescription(description));
        });
    }
}
