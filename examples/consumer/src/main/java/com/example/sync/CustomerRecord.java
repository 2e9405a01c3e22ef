package com.example.sync;

import java.util.UUID;

/** A customer as our system knows it, with its ids at both vendors. */
public record CustomerRecord(String name, String email, String vayuId, UUID layerBusinessId, UUID layerCustomerId) {
}
