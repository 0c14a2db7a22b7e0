package org.wushe.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full-stack test with MockMvc. It runs on in-memory H2 by default and, in the PostgreSQL suite
 * ({@code ./mvnw verify -Ppostgres}), against the real server in a fresh schema for the run.
 * The region tree is loaded (Inner Mongolia only, unless a test asks for more) before tests start. The accounts a test
 * acts as come from {@link TestLogins}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestLogins.class)
@ActiveProfiles(resolver = TestDatabase.class)
@Tag("integration")
public @interface IntegrationTest {
}
