package org.capebatch.run;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One declaration run as every step sees it: the job instance id that keys its business
 * rows (a restart of the same instance finds what earlier executions committed), its run
 * date D, its input (a path or {@code db}) and where its files go. Built once per step
 * from the job parameters, so no step parses them again.
 */
public record CapeRun(long id, LocalDate runDate, String input, Path outputDir) {
}
