package org.capebatch.answers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * First step of an answers import: every file must be the file the import was started
 * with (same name and SHA-256 as the identifying job parameters) and of a kind this
 * import reads (SPEC §6.1). One unreadable, empty or unknown file stops the import here,
 * before anything is applied, with the file named. Records the files and their kinds.
 */
public class AnswersCheckTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    private final long importId;

    private final ImportKind kind;

    private final Path input;

    private final Map<String, String> expectedSha256ByName;

    public AnswersCheckTasklet(JdbcTemplate jdbc, long importId, ImportKind kind, Path input,
            Map<String, String> expectedSha256ByName) {
        this.jdbc = jdbc;
        this.importId = importId;
        this.kind = kind;
        this.input = input;
        this.expectedSha256ByName = expectedSha256ByName;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<AnswerFile> files = AnswerFile.list(input);
        List<String> names = files.stream().map(AnswerFile::name).toList();
        if (!names.equals(List.copyOf(expectedSha256ByName.keySet()))) {
            throw new IllegalStateException("the files of " + input + " changed since this import started (now " + names
                    + ", started with " + expectedSha256ByName.keySet()
                    + "); run the command again: the new files are a new import");
        }
        for (AnswerFile file : files) {
            if (!file.sha256().equals(expectedSha256ByName.get(file.name()))) {
                throw new IllegalStateException(file.name() + " changed since this import started; run the"
                        + " command again: the new download is a new import");
            }
            AnswerKind fileKind;
            try (AnswerFileReader reader = AnswerFileReader.open(file.path(), kind)) {
                fileKind = reader.header().kind();
            }
            jdbc.update(
                    "INSERT INTO cape_answer_file (import_id, file_index, source_file, kind, sha256)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (import_id, file_index) DO NOTHING",
                    importId, file.index(), file.name(), fileKind.name(), file.sha256());
        }
        return RepeatStatus.FINISHED;
    }

}
