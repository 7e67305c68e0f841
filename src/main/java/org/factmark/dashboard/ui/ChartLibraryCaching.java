package org.factmark.dashboard.ui;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * ECharts is a megabyte of script and its path names its version, so browsers may keep it for a
 * year instead of fetching it again for every dashboard (by default the security headers forbid
 * caching anything).
 */
@Configuration(proxyBeanMethods = false)
class ChartLibraryCaching implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/echarts/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/echarts/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
