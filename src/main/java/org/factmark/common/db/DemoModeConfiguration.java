package org.factmark.common.db;

import org.factmark.common.DemoMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

    /** The embedded database is a try-out set-up, so it always comes with the demo accounts. */
    @Bean
    DemoMode demoMode(@Value("${factmark.demo:false}") boolean demoRequested,
            ObjectProvider<EmbeddedPostgresCluster> embeddedPostgres) {
        return new DemoMode(demoRequested || embeddedPostgres.getIfAvailable() != null);
    }
}
