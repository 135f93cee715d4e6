<?php

namespace App;

/**
 * The release's version as its code knows it, shown in response bodies and recorded by queued
 * jobs. config('app.version') (the header) is written in another file of the same release.
 */
final class Version
{
    public const VERSION = '1.0.0';
}
