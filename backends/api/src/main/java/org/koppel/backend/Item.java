package org.koppel.backend;

/**
 * An item of the EAS content model. Email now; Appointment, Contact, Task and Note join the permitted
 * classes with the issues that sync those folder classes.
 */
public sealed interface Item permits EmailItem {
}
