package dev.dynaseed.engine;

/** Who started a local engine, which decides who stops it. */
public enum EngineOwner {
    /** A command (apply, plan, ...) started it; the last command using it stops it. */
    RUN,
    /** {@code dynaseed local start} started it (or took it over); only {@code dynaseed local stop} stops it. */
    BACKGROUND;

    String key() {
        return switch (this) {
            case RUN -> "run";
            case BACKGROUND -> "background";
        };
    }

    static EngineOwner fromKey(String key) {
        for (EngineOwner owner : values()) {
            if (owner.key().equals(key)) {
                return owner;
            }
        }
        // Pid files written before owners were recorded came from runs or 'local start'; treating them as
        // background is the safe reading: nothing stops them behind the user's back.
        return BACKGROUND;
    }
}
