package org.capebatch.remote;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Keeps a worker process alive. {@code CapeBatchApplication.main} exits once the runners
 * return (right for the job, wrong for a listener), and {@code spring.main.keep-alive}
 * cannot help because {@code main} closes the context itself. So the worker's runner
 * never returns: the process ends by a signal (SIGTERM from Kubernetes, Ctrl-C), whose
 * shutdown hook closes the context; returning instead would let {@code main} close a
 * context that is already closing. Boot marks an application ready only after its runners
 * return, which this one never does, so it says ready itself once the worker listens:
 * otherwise the readiness probe would refuse the pod for ever.
 */
public class RemoteWorkerKeepAlive implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RemoteWorkerKeepAlive.class);

    private final String workerId;

    private final ApplicationEventPublisher events;

    private final CountDownLatch never = new CountDownLatch(1);

    public RemoteWorkerKeepAlive(String workerId, ApplicationEventPublisher events) {
        this.workerId = workerId;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        log.info("Worker {} is listening for partition requests", workerId);
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        never.await();
    }

}
