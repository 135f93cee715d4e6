<?php
// Debian's Laravel 8 packages instead of Composer: the framework, then the app's own classes
require_once '/usr/share/php/Illuminate/autoload.php';
spl_autoload_register(function ($class) {
    if (strncmp($class, 'App\\', 4) === 0) {
        $file = __DIR__.'/../app/'.str_replace('\\', '/', substr($class, 4)).'.php';
        if (is_file($file)) require $file;
    }
});
