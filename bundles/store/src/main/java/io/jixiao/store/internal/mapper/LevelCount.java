package io.jixiao.store.internal.mapper;

/** How many of a round's results, projects or departments, are at one alert level. */
public class LevelCount {
    public int isDept;
    public String alertLevel;
    public long n;
}
