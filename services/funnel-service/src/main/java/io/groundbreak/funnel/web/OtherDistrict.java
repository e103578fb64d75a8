package io.groundbreak.funnel.web;

/** A district office asked for another district's figures. */
class OtherDistrict extends RuntimeException {

    OtherDistrict(String user) {
        super(user + " may only read its own district");
    }
}
