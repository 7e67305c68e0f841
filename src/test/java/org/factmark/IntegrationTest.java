package org.factmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, over a throw-away embedded PostgreSQL in demo mode. Every
 * test class that uses exactly this annotation shares one application context, so the database
 * starts once per test run; tests therefore never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "factmark.embedded-postgres.ephemeral=true")
public @interface IntegrationTest {
}
