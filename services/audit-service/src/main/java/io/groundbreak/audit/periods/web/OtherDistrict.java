package io.groundbreak.audit.periods.web;

/** A district office asked to close or read another district's month. */
class OtherDistrict extends RuntimeException {

    OtherDistrict(String user) {
        super(user + " acts on its own district only");
    }
}
