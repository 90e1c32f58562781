/** The consumer program as a named module: it reads pythreading's exported packages only. */
module example.consumer {
    requires pythreading.core;
}
