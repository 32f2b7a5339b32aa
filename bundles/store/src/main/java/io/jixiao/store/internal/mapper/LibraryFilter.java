package io.jixiao.store.internal.mapper;

/** A library search as SQL parameters: nulls are no filter; the keyword is a LIKE pattern with escapes. */
public class LibraryFilter {
    public String mofDivCode;
    public String kind;
    public String level1;
    public String level2;
    public String agencyCode;
    public String functionalClass;
    public String keyword;
    public String status;
    public String afterCode;
    public int limit;
}
