# fish completion for mentor: a thin wrapper around `mentor __complete`,
# which knows the commands, options, their values and the people and
# pairings in the records directory.
# Install as ${datadir}/fish/vendor_completions.d/mentor.fish.

function __mentor_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l cmd $tokens[1]
    set -e tokens[1]
    # "--output=re": paths complete after the '='.
    set -l prefix (string match -r -- '^--[^=]*=' "$current"); or set prefix ''
    set -l path (string replace -r -- '^--[^=]*=' '' "$current")
    for line in ($cmd __complete $tokens "$current" 2>/dev/null)
        switch $line
            case ':files'
                for p in (__fish_complete_path $path)
                    echo $prefix$p
                end
            case ':dirs'
                for p in (__fish_complete_directories $path)
                    echo $prefix$p
                end
            case '*'
                echo $line
        end
    end
end

complete -c mentor -f -a '(__mentor_complete)'
