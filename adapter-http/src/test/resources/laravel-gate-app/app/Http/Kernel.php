<?php
namespace App\Http;

class Kernel extends \Illuminate\Foundation\Http\Kernel
{
    protected $middleware = [\Illuminate\Foundation\Http\Middleware\PreventRequestsDuringMaintenance::class];
}
