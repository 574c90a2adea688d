package cn.fjsti.chainreport.operations;

import cn.fjsti.chainreport.audit.Audited;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.DataSettings;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * An online backup of the H2 database while the service runs: H2's {@code BACKUP TO}, which copies the
 * database file consistently into a zip without stopping anyone, written to {@code <data dir>/backups/}
 * as {@code chainreport-yyyyMMdd-HHmmss.zip} (Beijing time). Restoring it is done with the service stopped
 * ({@code org.h2.tools.Restore}, docs/operations.md). On PostgreSQL there is nothing to do here: pg_dump is the
 * tool (409 with that advice).
 */
@ApplicationScoped
public class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataSettings data;

    @Inject
    Clock clock;

    /** The backup made: its absolute path and size. */
    public record Backup(String file, long bytes) {
    }

    @Transactional
    @Audited("database.backup")
    public Backup backup() {
        Path folder = data.dataDir().toAbsolutePath().normalize().resolve("backups");
        Path file = folder.resolve("chainreport-" + STAMP.format(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))) + ".zip");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                throw ApiException.conflict("数据库不是 H2，请用数据库自身的工具备份（PostgreSQL：pg_dump，见运维文档）");
            }
            Files.createDirectories(folder);
            if (Files.exists(file)) {
                throw ApiException.conflict("同一秒内已备份过一次，请稍后再试");
            }
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, file.toString());
                backup.execute();
            }
            return new Backup(file.toString(), Files.size(file));
        } catch (SQLException e) {
            throw new IllegalStateException("H2 backup to " + file + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
