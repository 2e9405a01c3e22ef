package dev.contractkit.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * One thing wrong in a spec that no test can hold it to, as {@link SpecDefectFinder} finds it.
 *
 * @param subject what it is about: vayu/updateCustomer (an operation) or vayu/updateCustomer/success (an example)
 * @param where   where to look: the file, and a JSON pointer into the spec
 * @param detail  what is wrong, in the spec's own terms
 * @param ours    whether a file of ours holds it (a spec we wrote, or an example beside a vendor's file): then
 *                it fails the build; else it is the vendor's, reported and not tested
 */
record SpecDefect(Kind kind, String subject, String where, String detail, boolean ours) {

    /** What a test checks of an example or an operation, so a defect stops only the tests it would fail. */
    enum Check { ANSWER_SCHEMA, REQUEST_SCHEMA, STATUS_EXAMPLES, PROVIDER, CONSUMER, NEGATIVE_CASES }

    /** The kinds of defect, each with the heading the report lists it under and the checks it stops. */
    enum Kind {
        ANSWER_MISFIT("A documented answer does not fit its schema",
                EnumSet.of(Check.ANSWER_SCHEMA, Check.PROVIDER, Check.CONSUMER)),
        REQUEST_MISFIT("A documented request does not fit its schema",
                EnumSet.of(Check.REQUEST_SCHEMA, Check.PROVIDER, Check.CONSUMER)),
        UNDOCUMENTED_STATUS("An example for a status the operation does not document",
                EnumSet.of(Check.ANSWER_SCHEMA, Check.PROVIDER, Check.CONSUMER)),
        ANSWER_WITHOUT_SCHEMA("An example for a status documented without a JSON schema (it cannot be checked)",
                EnumSet.of(Check.ANSWER_SCHEMA)),
        STATUS_WITHOUT_EXAMPLE("A documented status of an operation with examples has none",
                EnumSet.of(Check.STATUS_EXAMPLES)),
        CLIENT_CANNOT_CALL("An operation the generated client cannot call", EnumSet.of(Check.CONSUMER)),
        EXAMPLE_MISFIT("An example value that does not fit its own schema (never expected by a test)",
                EnumSet.noneOf(Check.class)),
        SUCCESS_WITHOUT_SCHEMA("A success documented without a JSON schema (its body is not checked)",
                EnumSet.noneOf(Check.class)),
        NO_OPERATION_ID("An operation without an operationId (tests name it by method and path)",
                EnumSet.noneOf(Check.class)),
        MISAPPLIED_CONSTRAINT("A request constraint on a schema of a type it does not apply to (it constrains nothing)",
                EnumSet.of(Check.NEGATIVE_CASES));

        private final String heading;
        private final Set<Check> stops;

        Kind(String heading, Set<Check> stops) {
            this.heading = heading;
            this.stops = stops;
        }

        String heading() {
            return heading;
        }

        boolean stops(Check check) {
            return stops.contains(check);
        }
    }

    /** One line of the report and of a test's reason. */
    String describe() {
        return subject + " (" + where + "): " + detail;
    }
}
