package com.example.sync;

/** A vendor refused the update; its own error body says why. */
public final class SyncException extends Exception {

    private final String vendor;
    private final int status;
    private final String vendorError;

    SyncException(String vendor, int status, String vendorError) {
        super(vendor + " refused the update (" + status + "): " + vendorError);
        this.vendor = vendor;
        this.status = status;
        this.vendorError = vendorError;
    }

    public String vendor() {
        return vendor;
    }

    public int status() {
        return status;
    }

    /** The vendor's error body, as it sent it. */
    public String vendorError() {
        return vendorError;
    }
}
