package com.careerai.demo;

/**
 * The demo university the steps fill.
 *
 * @param emailDomain the domain of every demo address ({@code demo.edu}): any student address of it
 *     may sign in
 */
public record DemoUniversity(long id, String name, String subdomain, String emailDomain) {

    /** A demo address: {@code address("staff")} is {@code staff@demo.edu}. */
    public String address(String localPart) {
        return localPart + "@" + emailDomain;
    }
}
