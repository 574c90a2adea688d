package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.chain.IndustryCategories;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The institute's compilation at national size without the service (issue 23, item 2; docs/benchmarks.md):
 * 5,739 county and 1,229 merged reports over 70 chains of the ten categories, the three sections the compilation
 * reads at 1,500–3,000 characters each with the authors' enumerations, the domestic section (二.2) one text per chain
 * as in life. Reports are fed to {@link Compilation.Builder} one at a time, as {@code DocumentService.compile} does,
 * the text of each made just before and dropped after; then the .docx and the items .xlsx are written to files.
 * Prints wall and CPU time per phase and the largest heap left after a collection in each phase.
 *
 * <p>Args: [output directory] [county reports] [merged reports] [seed].
 */
public final class CompilationBenchmark {

    static final String[][] CHAINS = {
            {"集成电路", "新型显示", "光电", "软件信息", "物联网", "人工智能", "LED照明"},
            {"工程机械", "新能源汽车", "船舶", "机床", "电机", "无人机", "智能制造装备"},
            {"石化", "氟化工", "精细化工", "化学原料", "石油炼化", "化工新材料助剂", "日用化学"},
            {"纺织", "服装", "运动鞋服", "化纤", "面料", "针织", "制鞋"},
            {"茶", "食用菌", "水产", "果蔬", "畜禽", "饮料", "预制菜"},
            {"钢铁", "不锈钢", "有色金属", "铜", "铝", "铜铝加工", "冶金辅料"},
            {"陶瓷", "石材", "水泥", "玻璃", "建筑", "建材", "装配式建筑"},
            {"稀土", "石墨烯", "复合材料", "钨", "特种材料", "膜材料", "新材料"},
            {"锂电", "储能", "光伏", "风电", "氢能", "核电", "电池"},
            {"生物医药", "中药", "医疗器械", "制药", "生物", "医疗", "医药"}};

    private static final String FILLER = "围绕产业链关键环节加强企业研发投入建设创新平台引进高层次人才突破核心工艺提升产品质量降低生产成本"
            + "推动数字化转型优化供应链协同完善检验检测体系培育龙头企业带动中小企业配套发展形成特色产业集群提高附加值拓展国内外市场"
            + "加快成果转化健全标准体系强化知识产权保护促进产学研合作深化开放合作实现绿色低碳发展提升自动化智能化水平保障原材料供应";
    private static final String[] PROBLEMS = {"关键核心技术受制于人", "高端产品依赖进口", "核心装备国产化率低", "工艺稳定性不足",
            "检测能力薄弱", "研发投入强度偏低", "高层次人才缺乏", "共性技术平台缺失", "产品附加值不高", "能耗和排放偏高",
            "自动化水平不高", "标准体系不健全", "原材料保障能力弱", "成果转化率低", "品牌影响力不足", "数字化程度低"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/compilation-benchmark");
        int countyReports = args.length > 1 ? Integer.parseInt(args[1]) : 5739;
        int mergedReports = args.length > 2 ? Integer.parseInt(args[2]) : 1229;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 23;
        Files.createDirectories(dir);
        AtomicLong peakAfterGc = watchCollections();
        List<String> chains = new ArrayList<>();
        for (String[] category : CHAINS) {
            for (String c : category) {
                chains.add(c + "产业链");
            }
        }
        IndustryCategories categories = IndustryCategories.load();
        Random random = new Random(seed);
        String[] national = new String[chains.size()];
        for (int i = 0; i < national.length; i++) {
            national[i] = section(new Random(seed * 1000 + i), chains.get(i), "国内", "（%d）", 1500 + new Random(i).nextInt(1500));
        }
        int cities = 333;
        long[] textChars = {0};

        phase("start", peakAfterGc);
        Compilation.Builder builder = new Compilation.Builder(categories.categories());
        long t0 = System.nanoTime();
        long c0 = cpu();
        for (int r = 0; r < countyReports + mergedReports; r++) {
            int chain = random.nextInt(chains.size());
            int city = random.nextInt(cities);
            String cityName = "第" + (city + 1) + "市";
            List<Compilation.Source> sources = new ArrayList<>();
            String county;
            String directions;
            if (r < countyReports) {
                String name = "第" + (city + 1) + "市" + (1 + random.nextInt(9)) + "号县";
                sources.add(new Compilation.Source(name, cityName));
                county = section(random, chains.get(chain), name, "%s是", 1500 + random.nextInt(1500));
                directions = section(random, chains.get(chain), name, "%d．", 1500 + random.nextInt(1500));
            } else {
                int n = 2 + random.nextInt(4);
                StringBuilder c = new StringBuilder();
                StringBuilder d = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    String name = "第" + (city + 1) + "市" + (k + 1) + "号县";
                    sources.add(new Compilation.Source(name, cityName));
                    c.append('【').append(name).append("】\n").append(section(random, chains.get(chain), name, "%s是", 1500 / n + random.nextInt(1500 / n))).append('\n');
                    d.append('【').append(name).append("】\n").append(section(random, chains.get(chain), name, "%d．", 1500 / n + random.nextInt(1500 / n))).append('\n');
                }
                county = c.toString();
                directions = d.toString();
            }
            String domestic = national[chain];
            textChars[0] += county.length() + domestic.length() + directions.length();
            builder.add(categories.categoryOf(chains.get(chain)), chains.get(chain), sources, Map.of(
                    Compilation.Kind.BOTTLENECK, List.of(county, domestic),
                    Compilation.Kind.DIRECTION, List.of(directions)));
        }
        Compilation compilation = builder.build();
        builder = null;   // as in DocumentService.compile, whose builder ends with the method
        report("build", t0, c0, peakAfterGc);
        int groups = 0;
        long items = 0;
        for (Compilation.Category category : compilation.categories()) {
            for (Compilation.Chain chain : category.chains()) {
                for (Compilation.Kind kind : Compilation.Kind.values()) {
                    for (Compilation.Group g : chain.groups().get(kind)) {
                        groups++;
                        items += g.items().size();
                    }
                }
            }
        }
        System.out.printf("reports %d, section text %,d characters, groups %,d, items %,d%n",
                compilation.reports(), textChars[0], groups, items);

        ReportRenderer renderer = new ReportRenderer(OfficialFormat.load(Optional.empty()));
        Path docx = dir.resolve("compilation.docx");
        t0 = System.nanoTime();
        c0 = cpu();
        try (OutputStream out = Files.newOutputStream(docx)) {
            renderer.compilation(new ReportRenderer.CompilationHeading("2026年度县域重点产业技术瓶颈与研究方向汇编",
                    "（供编制2027年度项目申报指南参考）", "截至2026年11月30日12:00（北京时间）"), compilation, out);
        }
        report("docx", t0, c0, peakAfterGc);
        System.out.printf("docx %,d bytes%n", Files.size(docx));

        Path xlsx = dir.resolve("compilation-items.xlsx");
        t0 = System.nanoTime();
        c0 = cpu();
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Spreadsheets.items("2026年度县域重点产业技术瓶颈与研究方向条目", LocalDateTime.of(2026, 11, 30, 12, 0), compilation, out);
        }
        report("xlsx", t0, c0, peakAfterGc);
        System.out.printf("xlsx %,d bytes%n", Files.size(xlsx));
    }

    /** A section: an introduction ending in a colon, then enumerated items of 80–220 characters, to about {@code length}. */
    static String section(Random random, String chain, String who, String marker, int length) {
        StringBuilder sb = new StringBuilder();
        sb.append(who).append(chain.replace("产业链", "")).append("产业").append(chunk(random, 60 + random.nextInt(80)))
                .append("。主要问题和方向如下：\n");
        int n = 1;
        while (sb.length() < length) {
            String m = marker.contains("%s") ? String.format(marker, ChineseNumerals.of(n)) : String.format(marker, n);
            sb.append(m).append(chain.replace("产业链", "")).append(PROBLEMS[random.nextInt(PROBLEMS.length)]).append('，')
                    .append(chunk(random, 40 + random.nextInt(80))).append('，').append(who.length() > 4 && random.nextBoolean() ? who : "")
                    .append(chunk(random, 20 + random.nextInt(60))).append(random.nextInt(100)).append("%。");
            sb.append(marker.equals("%s是") && random.nextInt(3) > 0 ? "" : "\n");
            n++;
        }
        return sb.toString();
    }

    /** Words of two characters from {@link #FILLER} in random order: two items of one chain share words, not sentences. */
    private static String chunk(Random random, int length) {
        StringBuilder sb = new StringBuilder(length + 1);
        while (sb.length() < length) {
            int w = random.nextInt(FILLER.length() / 2) * 2;
            sb.append(FILLER, w, w + 2);
        }
        return sb.toString();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void phase(String name, AtomicLong peak) {
        peak.set(0);
    }

    private static void report(String name, long t0, long c0, AtomicLong peak) {
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpu() - c0) / 1e9;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%s: wall %.2f s, process CPU %.2f s, largest heap after a collection %d MB, after a full one %d MB (used now %d MB)%n",
                name, wall, cpu, peak.get() >> 20, PEAK_LIVE.get() >> 20, used >> 20);
        peak.set(0);
        PEAK_LIVE.set(0);
    }

    /** The largest heap right after a full collection since the last reset: live data. */
    private static final AtomicLong PEAK_LIVE = new AtomicLong();

    /** The largest heap in use right after any collection since the last reset: live data plus what survived. */
    private static AtomicLong watchCollections() {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long sum = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    peak.accumulateAndGet(sum, Math::max);
                    if (info.getGcAction().contains("major")) {
                        PEAK_LIVE.accumulateAndGet(sum, Math::max);
                    }
                }
            }, null, null);
        }
        return peak;
    }
}
