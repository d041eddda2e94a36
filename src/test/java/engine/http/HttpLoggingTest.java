package engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The web server's libraries log warnings and errors only unless asked for more. */
class HttpLoggingTest
{
    @Test
    void shouldKeepJettyAndJavalinInfoLinesOffStderrByDefault()
    {
        // Surefire passes no slf4j properties, so this is the default a user gets.
        assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isNull();
        assertThat(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.javalin.Javalin").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.javalin.Javalin").isWarnEnabled()).isTrue();
    }
}
