<?php

/*
 * No Composer here: the framework comes from Debian's php-laravel-framework (Laravel 8.83), whose
 * autoloader also loads Symfony, Carbon, Monolog and the rest; this file adds the app's own
 * PSR-4 roots, as composer.json's "autoload" section would.
 */

require_once '/usr/share/php/Illuminate/autoload.php';

spl_autoload_register(function (string $class): void {
    static $roots = [
        'App\\' => __DIR__.'/../app/',
        'Database\\Factories\\' => __DIR__.'/../database/factories/',
        'Database\\Seeders\\' => __DIR__.'/../database/seeders/',
    ];
    foreach ($roots as $prefix => $dir) {
        if (strncmp($class, $prefix, strlen($prefix)) === 0) {
            $file = $dir.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});
