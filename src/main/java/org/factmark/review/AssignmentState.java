package org.factmark.review;

/** How far one reviewer is with one assigned document. */
public enum AssignmentState {
    NEW, IN_PROGRESS, DONE
}
