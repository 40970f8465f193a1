package org.capebatch.jobstore;

import java.nio.file.Path;

import org.springframework.beans.propertyeditors.PathEditor;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL as soon as the Environment is prepared (configuration
 * files, profiles and the command line read, {@code job.PropertyCheck} passed), on its
 * own thread, so that initdb and the server start overlap the building of the context
 * instead of following it (issue 10). Only when the job store will be embedded: the same
 * test as {@link EmbeddedPostgresDataSourceConfiguration} (no
 * {@code spring.datasource.url}) on the same {@code cape.work-dir}. Every command that
 * reaches Spring (the job, {@code results=}, {@code release=}, {@code runs},
 * {@code abandon}, {@code prune}, a worker) opens the job store; {@code --help}, mistakes
 * on the command line and {@code generate} end before Spring and start nothing.
 *
 * <p>
 * The start is handed to the context as the singleton {@value #BEAN_NAME}, which the
 * server bean takes over. If the context fails, or closes without having taken it, this
 * listener stops the server. Registered in {@code META-INF/spring.factories}, so each
 * {@code SpringApplication} run has its own instance.
 */
public class EmbeddedPostgresEarlyStartListener implements SmartApplicationListener, Ordered {

    static final String BEAN_NAME = "embeddedPostgresEarlyStart";

    private EmbeddedPostgresEarlyStart start;

    private ApplicationContext context;

    /**
     * Last: after Boot's config-data processing, logging setup and the property check, so
     * a refused configuration starts no server.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType)
                || ContextClosedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(prepared);
        }
        else if (event instanceof ApplicationFailedEvent) {
            stopUnclaimed();
        }
        else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context) {
            stopUnclaimed();
        }
    }

    private void begin(ApplicationEnvironmentPreparedEvent event) {
        if (this.start != null) {
            return;
        }
        Path workDir = embeddedWorkDir(event.getEnvironment());
        if (workDir == null) {
            return;
        }
        EmbeddedPostgresEarlyStart start = EmbeddedPostgresEarlyStart.begin(workDir);
        this.start = start;
        event.getBootstrapContext().addCloseListener(closed -> {
            this.context = closed.getApplicationContext();
            closed.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, start);
        });
    }

    /**
     * The work directory the server bean will be given, or null when there is no embedded
     * store or the settings cannot be read here (then the context reports the problem as
     * before, and the bean starts the server itself).
     */
    private static Path embeddedWorkDir(ConfigurableEnvironment environment) {
        try {
            if (!EmbeddedPostgresDataSourceConfiguration.usesEmbeddedStore(environment)) {
                return null;
            }
            // As the bean's @Value("${cape.work-dir:.cape}") Path: same property, same
            // editor.
            PathEditor editor = new PathEditor();
            editor.setAsText(environment.getProperty("cape.work-dir", ".cape"));
            return (Path) editor.getValue();
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    private void stopUnclaimed() {
        if (this.start != null) {
            this.start.close();
        }
    }

}
