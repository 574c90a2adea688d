package cn.fjsti.chainreport.security;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Key {@code chainreport.http.trusted-origins}: which browser origins besides the service's own may change data ({@link SameOriginCheck}). */
@ConfigMapping(prefix = "chainreport.http")
public interface OriginSettings {

    /**
     * Public origins a reverse proxy presents the service under ({@code https://keji.example.cn}, comma
     * separated) when it rewrites {@code Host}; empty by default (only the service's own origin).
     */
    Optional<List<String>> trustedOrigins();
}
