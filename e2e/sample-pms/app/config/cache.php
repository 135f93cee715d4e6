<?php

return [

    // file: storage/ is shared between releases, so queue:restart's signal reaches workers of any release
    'default' => env('CACHE_DRIVER', 'file'),

    'stores' => [
        'file' => [
            'driver' => 'file',
            'path' => storage_path('framework/cache/data'),
        ],
        'array' => ['driver' => 'array', 'serialize' => false],
    ],

    'prefix' => 'sample_pms_cache',

];
