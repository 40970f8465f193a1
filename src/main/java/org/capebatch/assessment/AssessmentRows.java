package org.capebatch.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capebatch.entry.ImporterType;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps {@code cape_assessment} rows to and from {@link Assessment} (reasons stored joined
 * with {@code |}).
 */
public final class AssessmentRows {

    public static final String COLUMNS = "a.entry_number, a.importer_number, a.entry_type, a.status, a.reason,"
            + " a.reasons, a.remedy, a.deadline, a.urgent, a.refund_deferred, a.ieepa_duty, a.interest,"
            + " a.refund_total, a.rate_type, a.rate_assumed";

    /** Maps a row selected with {@link #COLUMNS}. */
    public static final RowMapper<Assessment> MAPPER = AssessmentRows::map;

    private AssessmentRows() {
    }

    public static String joinReasons(List<Reason> reasons) {
        StringBuilder sb = new StringBuilder();
        for (Reason r : reasons) {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append(r.name());
        }
        return sb.toString();
    }

    private static Assessment map(ResultSet rs, int rowNum) throws SQLException {
        List<Reason> reasons = new ArrayList<>();
        String joined = rs.getString(6);
        if (!joined.isEmpty()) {
            for (String r : joined.split("\\|")) {
                reasons.add(Reason.valueOf(r));
            }
        }
        String reason = rs.getString(5);
        String rateType = rs.getString(14);
        return new Assessment(rs.getString(1), rs.getString(2), rs.getString(3),
                AssessmentStatus.valueOf(rs.getString(4)), reason == null ? null : Reason.valueOf(reason), reasons,
                Remedy.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getBoolean(9), rs.getBoolean(10),
                rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
                rateType == null ? null : ImporterType.valueOf(rateType), rs.getBoolean(15));
    }

}
