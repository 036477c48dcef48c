package io.ticketing.platform.startup;

import java.util.function.IntConsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * In a training run ({@code ticketing.startup.exit-when-ready=true}), closes the application as soon as it is ready
 * and ends the process with the exit code Spring reports; otherwise does nothing.
 */
public class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "ticketing.startup.exit-when-ready";

    private final IntConsumer exit;

    /** @param exit ends the process ({@code System::exit}); given so a test can watch it instead */
    public ExitWhenReady(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext().getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            exit.accept(SpringApplication.exit(event.getApplicationContext()));
        }
    }
}
