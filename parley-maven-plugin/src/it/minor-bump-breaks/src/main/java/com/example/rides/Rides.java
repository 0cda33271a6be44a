package com.example.rides;

import dev.parley.Contract;

/** 1.1 dropped Ride.driver, which the 1.0 baseline has: breaking, yet only a minor bump. */
@Contract(name = "rides", version = "1.1")
public interface Rides {

    record Ride(String id) {
    }

    Ride get(String id);
}
