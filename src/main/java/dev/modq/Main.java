package dev.modq;
public final class Main { public static void main(String[] a) {} }
