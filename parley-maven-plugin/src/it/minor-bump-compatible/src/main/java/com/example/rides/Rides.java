package com.example.rides;

import dev.parley.Contract;
import java.util.Optional;

/** 1.1 added an optional field to Ride: compatible. */
@Contract(name = "rides", version = "1.1")
public interface Rides {

    record Ride(String id, String driver, Optional<String> car) {
    }

    Ride get(String id);
}
